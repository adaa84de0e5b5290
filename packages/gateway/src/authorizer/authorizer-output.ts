import type { PolicyDocument, PolicyStatement } from '@petstore/iam-policy/evaluate';
import { ownRecord } from '../own-record';

/** A TOKEN authorizer's result once checked (A5), its context values as strings (A6). */
export interface AuthorizerOutput {
  readonly principalId: string;
  readonly policyDocument: PolicyDocument;
  readonly context: Readonly<Record<string, string>>;
  readonly usageIdentifierKey: string | undefined;
}

export type OutputCheck =
  | { readonly ok: true; readonly output: AuthorizerOutput }
  | { readonly ok: false; readonly problem: string };

/**
 * Checks an authorizer's result as API Gateway does (A5, A6, P21-P28): `principalId` a string, a
 * policy with `Version` and `Statement` (capitalised: lower-case keys are AWS's "Unable to parse
 * given policy"), statements of `Effect` `Allow`/`Deny` (exactly), `Action` and `Resource`
 * strings or lists (no `NotAction`, `NotResource`, `Condition`), and `context` values that are
 * strings, numbers or booleans (they reach the backend as strings).
 *
 * @example
 * checkAuthorizerOutput({ principalId: 'u1', policyDocument, context: { admin: true } })
 * // { ok: true, output: { ..., context: { admin: 'true' } } }
 */
export function checkAuthorizerOutput(value: unknown): OutputCheck {
  if (!isObject(value)) return fail('the result is not an object');
  if (typeof value.principalId !== 'string') return fail('principalId is missing or not a string');
  const policy = value.policyDocument;
  if (!isObject(policy) || typeof policy.Version !== 'string')
    return fail('policyDocument or its Version is missing');
  const statements = Array.isArray(policy.Statement)
    ? policy.Statement
    : isObject(policy.Statement)
      ? [policy.Statement]
      : undefined;
  if (!statements) return fail('policyDocument.Statement is missing');
  const checked: PolicyStatement[] = [];
  for (const [index, statement] of statements.entries()) {
    if (!isObject(statement) || (statement.Effect !== 'Allow' && statement.Effect !== 'Deny')) {
      return fail(`Statement[${index}].Effect must be Allow or Deny`);
    }
    // Not known to be evaluated by API Gateway for an authorizer's policy: refused rather than
    // ignored (an ignored Condition would turn a conditional Allow into an Allow; P26).
    const unsupported = ['NotAction', 'NotResource', 'Condition'].filter((key) =>
      Object.hasOwn(statement, key),
    );
    if (unsupported.length > 0) {
      return fail(`Statement[${index}] has ${unsupported.join(', ')}: not emulated, refused`);
    }
    if (!isStrings(statement.Action) || !isStrings(statement.Resource)) {
      return fail(`Statement[${index}] needs Action and Resource (a string or a list of strings)`);
    }
    checked.push({
      Effect: statement.Effect,
      Action: statement.Action,
      Resource: statement.Resource,
    });
  }
  const entries: [string, string][] = [];
  if (value.context !== undefined && value.context !== null) {
    if (!isObject(value.context)) return fail('context is not an object');
    for (const [key, item] of Object.entries(value.context)) {
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
        return fail(
          `context.${key} is ${item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item}: only strings, numbers and booleans are allowed`,
        );
      }
      entries.push([key, String(item)]);
    }
  }
  const key = value.usageIdentifierKey;
  if (key !== undefined && typeof key !== 'string')
    return fail('usageIdentifierKey is not a string');
  return {
    ok: true,
    output: {
      principalId: value.principalId,
      policyDocument: { Version: policy.Version, Statement: checked },
      // The authorizer chose the keys: own properties, even `__proto__`.
      context: ownRecord(entries),
      usageIdentifierKey: key,
    },
  };
}

function fail(problem: string): OutputCheck {
  return { ok: false, problem };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStrings(value: unknown): value is string | string[] {
  return (
    typeof value === 'string' ||
    (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string'))
  );
}
