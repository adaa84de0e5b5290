import type { SigninRedirectArgs, User } from 'oidc-client-ts';

interface ReturnState {
  readonly returnTo: string;
}

/**
 * Arguments of a sign-in redirect: a fresh nonce (checked against the ID token on return; the
 * library adds `state` and the PKCE challenge) and the page to come back to.
 *
 * @example
 * await auth.signinRedirect(signInArgs(window.location));
 */
export function signInArgs(location: Pick<Location, 'pathname' | 'search'>): SigninRedirectArgs {
  const returnTo: ReturnState = { returnTo: `${location.pathname}${location.search}` };
  return { nonce: randomNonce(), state: returnTo };
}

/**
 * The same-origin path a sign-in asked to return to, or `/`.
 *
 * @example
 * returnPathOf(user) // '/?type=cat'
 */
export function returnPathOf(user: Pick<User, 'state'> | undefined): string {
  const state = user?.state as Partial<ReturnState> | undefined;
  const path = state?.returnTo;
  const sameOrigin = typeof path === 'string' && path.startsWith('/') && !path.startsWith('//');
  return sameOrigin && !path.startsWith('/callback') ? path : '/';
}

function randomNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
