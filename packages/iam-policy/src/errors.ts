/**
 * A policy uses a condition operator this evaluator does not implement (or misspells one:
 * operator names are matched as IAM documents them). Thrown rather than guessing, so that a
 * condition never silently evaluates to true or false.
 */
export class UnsupportedConditionError extends Error {
  override readonly name = 'UnsupportedConditionError';
  readonly code = 'UNSUPPORTED_CONDITION';
  constructor(readonly operator: string) {
    super(`unsupported IAM condition operator ${JSON.stringify(operator)}`);
  }
}

/**
 * A policy uses an IAM feature this evaluator does not implement (policy variables such as
 * `${aws:username}`, `NotPrincipal`): thrown rather than read literally.
 */
export class UnsupportedPolicyError extends Error {
  override readonly name = 'UnsupportedPolicyError';
  readonly code = 'UNSUPPORTED_POLICY';
}

/**
 * A policy that IAM would refuse (no `Action`, both `Resource` and `NotResource`, a condition
 * value that is no string...), or one evaluated against the wrong kind of request (a
 * `Resource` in a trust policy, a `Principal` without the request's principal).
 */
export class InvalidPolicyError extends Error {
  override readonly name = 'InvalidPolicyError';
  readonly code = 'INVALID_POLICY';
}
