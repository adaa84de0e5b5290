import type { ErrorContext } from 'react-oidc-context';

/**
 * A sign-in or renewal problem in plain words. The provider's `error` (e.g. `access_denied` when
 * the person cancelled) is named; stored state that does not match means the answer was not for
 * this sign-in, so it is refused.
 *
 * @example
 * signInErrorText({ ...error, message: 'access_denied', source: 'signinCallback' }) // 'Sign-in was cancelled. …'
 */
export function signInErrorText(error: ErrorContext): string {
  if (error.source === 'signinRedirect') {
    return 'The sign-in service could not be reached. Check your connection, then try again.';
  }
  if (/access_denied/.test(error.message)) return 'Sign-in was cancelled. You can try again.';
  if (/state/i.test(error.message)) {
    return 'That sign-in answer did not match a sign-in started here, so it was ignored. Please sign in again.';
  }
  return 'Sign-in did not complete. Please try again.';
}
