import { useCallback } from 'react';
import { useAuth } from 'react-oidc-context';
import { forgetSignedIn } from './signed-in-flag';

/**
 * Signs out: forgets that this tab was signed in (so a reload does not try a silent sign-in), revokes the refresh token (best effort: a provider that cannot revoke must not keep
 * anyone signed in), forgets the tokens, and sends the browser to the provider's end-session
 * endpoint, which ends its session and comes back to the app's start page.
 *
 * @example
 * const signOut = useSignOut();
 * <button type="button" onClick={signOut}>Sign out</button>
 */
export function useSignOut(): () => void {
  const auth = useAuth();
  return useCallback(() => {
    forgetSignedIn(window.sessionStorage);
    void (async () => {
      await auth.revokeTokens(['refresh_token']).catch(() => undefined);
      await auth.signoutRedirect();
    })();
  }, [auth]);
}
