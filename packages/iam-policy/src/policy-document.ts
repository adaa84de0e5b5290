/**
 * An IAM policy document: identity policies, trust (role) policies, session policies and
 * the policies Lambda authorizers return all have this shape.
 */
export interface PolicyDocument {
  readonly Version: string;
  readonly Statement: readonly PolicyStatement[];
}

/** Strings, or lists of strings, as IAM accepts them in `Action`, `Resource`, `Principal`. */
export type OneOrMany = string | readonly string[];

/**
 * One statement. Exactly one of `Action` / `NotAction`; at most one of `Resource` /
 * `NotResource` (none in a trust policy, whose resource is the role itself).
 */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action?: OneOrMany;
  readonly NotAction?: OneOrMany;
  readonly Resource?: OneOrMany;
  readonly NotResource?: OneOrMany;
  /** Only in resource policies (a role's trust policy): who the statement is about. */
  readonly Principal?: PrincipalElement;
  readonly Condition?: ConditionBlock;
}

/** `'*'` (everyone), or principals by kind. */
export type PrincipalElement =
  | '*'
  | {
      readonly AWS?: OneOrMany;
      readonly Federated?: OneOrMany;
      readonly Service?: OneOrMany;
    };

/** A value of a condition as JSON allows it; numbers and booleans compare as their text. */
export type ConditionValue = string | number | boolean;

/**
 * `{ operator: { key: value | [values] } }`, e.g.
 * `{ StringEquals: { 'aws:RequestTag/PetRole': 'admin' } }`.
 */
export type ConditionBlock = Readonly<
  Record<string, Readonly<Record<string, ConditionValue | readonly ConditionValue[]>>>
>;

/** `explicit-deny` and `implicit-deny` answer differently (A7), so they are told apart. */
export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';
