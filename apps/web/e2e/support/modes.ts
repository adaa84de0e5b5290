import { stack } from './stack';

/** Which API the SPA of a suite calls: the token API, or the IAM API with SigV4. */
export type ApiMode = 'token' | 'iam';

/**
 * The base URL the page's API calls go to in a mode.
 *
 * @example
 * page.waitForRequest(`${apiUrlOf('iam')}/me`)
 */
export function apiUrlOf(mode: ApiMode): string {
  return mode === 'iam' ? stack.iamApiUrl : stack.apiUrl;
}
