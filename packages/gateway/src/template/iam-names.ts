import { createHash } from 'node:crypto';

/**
 * The ARN of an IAM role: `arn:aws:iam::ACCOUNT:role/PATH/NAME` (`path` starts and ends with `/`).
 *
 * @example
 * roleArn('123456789012', '/', 'BuyerRole') // 'arn:aws:iam::123456789012:role/BuyerRole'
 */
export function roleArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:role${path}${name}`;
}

/**
 * The ARN of a customer managed policy: `arn:aws:iam::ACCOUNT:policy/PATH/NAME`.
 *
 * @example
 * managedPolicyArn('123456789012', '/', 'BuyerInvokePolicy') // 'arn:aws:iam::123456789012:policy/BuyerInvokePolicy'
 */
export function managedPolicyArn(accountId: string, path: string, name: string): string {
  return `arn:aws:iam::${accountId}:policy${path}${name}`;
}

/**
 * The ARN of an IAM OIDC provider: its URL without the scheme, a trailing slash kept
 * (`https://tenant.auth0.com/` gives `oidc-provider/tenant.auth0.com/`).
 *
 * @example
 * oidcProviderArn('123456789012', 'http://127.0.0.1:9000/') // 'arn:aws:iam::123456789012:oidc-provider/127.0.0.1:9000/'
 */
export function oidcProviderArn(accountId: string, url: string): string {
  return `arn:aws:iam::${accountId}:oidc-provider/${url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')}`;
}

/**
 * A stable role id shaped like AWS's (`AROA` and 17 upper-case letters and digits), derived
 * from the logical id so that it is the same on every run.
 *
 * @example
 * localRoleId('BuyerRole') // e.g. 'AROAK3V9X0D2QA7TLM4PZ', the same on every run
 */
export function localRoleId(logicalId: string): string {
  const digest = createHash('sha256').update(`role:${logicalId}`).digest();
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  return `AROA${Array.from(digest.subarray(0, 17), (byte) => alphabet[byte % alphabet.length]).join('')}`;
}
