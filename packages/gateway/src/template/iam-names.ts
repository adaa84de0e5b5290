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
 * The name IAM knows an OIDC provider by, in its ARN and in condition keys (`NAME:aud`): its URL
 * without the scheme, a trailing slash kept (`https://tenant.auth0.com/` gives
 * `tenant.auth0.com/`, `http://127.0.0.1:9000` gives `127.0.0.1:9000`).
 *
 * @example
 * oidcProviderName('https://tenant.auth0.com/') // 'tenant.auth0.com/'
 */
export function oidcProviderName(url: string): string {
  return url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
}

/**
 * The ARN of an IAM OIDC provider: `oidc-provider/` and its {@link oidcProviderName}.
 *
 * @example
 * oidcProviderArn('123456789012', 'http://127.0.0.1:9000/') // 'arn:aws:iam::123456789012:oidc-provider/127.0.0.1:9000/'
 */
export function oidcProviderArn(accountId: string, url: string): string {
  return `arn:aws:iam::${accountId}:oidc-provider/${oidcProviderName(url)}`;
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
