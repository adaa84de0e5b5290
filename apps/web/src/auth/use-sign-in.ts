import { useCallback } from 'react';
import { useAuth } from 'react-oidc-context';
import { signInArgs } from './sign-in-args';

/**
 * Starts a sign-in at the identity provider that comes back to the current page.
 *
 * @example
 * const signIn = useSignIn();
 * <button type="button" onClick={signIn}>Sign in</button>
 */
export function useSignIn(): () => void {
  const auth = useAuth();
  return useCallback(() => {
    void auth.signinRedirect(signInArgs(window.location));
  }, [auth]);
}
