import { InvalidPolicyError, UnsupportedPolicyError } from './errors';
import type { PrincipalElement } from './policy-document';

/** Who makes the request, for a resource policy's `Principal` (a role's trust policy). */
export interface RequestPrincipal {
  /** `Federated`: an identity provider's ARN (or name), as in `AssumeRoleWithWebIdentity`. */
  readonly type: 'AWS' | 'Federated' | 'Service';
  /** An ARN (`AWS`, `Federated`) or a service name (`Service`: `lambda.amazonaws.com`). */
  readonly id: string;
}

const kinds = new Set(['AWS', 'Federated', 'Service']);

/**
 * Checks a `Principal` element's shape; throws {@link InvalidPolicyError} otherwise.
 *
 * @example
 * checkPrincipal({ Federated: 'arn:aws:iam::123456789012:oidc-provider/idp.example' })
 */
export function checkPrincipal(element: unknown): asserts element is PrincipalElement {
  if (element === '*') return;
  if (typeof element !== 'object' || element === null || Array.isArray(element)) {
    throw new InvalidPolicyError('Principal must be "*" or an object');
  }
  for (const [kind, value] of Object.entries(element)) {
    if (kind === 'CanonicalUser') {
      throw new UnsupportedPolicyError('Principal CanonicalUser is not supported');
    }
    if (!kinds.has(kind)) throw new InvalidPolicyError(`Principal has an unknown kind ${kind}`);
    const values: unknown[] = Array.isArray(value) ? value : [value];
    if (values.length === 0 || !values.every((item) => typeof item === 'string')) {
      throw new InvalidPolicyError(`Principal ${kind} must be a string or a list of strings`);
    }
  }
}

/**
 * Whether a `Principal` element names the request's principal (IAM's Principal element):
 * `"*"` is everyone; `{ "AWS": "*" }` is every AWS principal; otherwise the kind must be the
 * same and one value must equal the id exactly (no other wildcards). For `AWS`, an account
 * (`123456789012` or `arn:aws:iam::123456789012:root`) names every principal of that account.
 *
 * @example
 * principalMatches({ Federated: providerArn }, { type: 'Federated', id: providerArn }) // true
 * principalMatches({ Federated: providerArn }, { type: 'AWS', id: providerArn }) // false
 */
export function principalMatches(element: PrincipalElement, principal: RequestPrincipal): boolean {
  if (element === '*') return true;
  const named = element[principal.type];
  if (named === undefined) return false;
  const values = typeof named === 'string' ? [named] : named;
  return values.some((value) => {
    if (value === principal.id) return true;
    if (principal.type !== 'AWS') return false;
    if (value === '*') return true;
    const root = /^(?:(\d{12})|arn:aws[a-z-]*:iam::(\d{12}):root)$/.exec(value);
    const account = root?.[1] ?? root?.[2];
    return account !== undefined && accountOf(principal.id) === account;
  });
}

function accountOf(arn: string): string | undefined {
  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];
}
