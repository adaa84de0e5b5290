import { useEffect, useRef, useState } from 'react';
import { useAuth } from 'react-oidc-context';
import { forgetSignedIn } from './signed-in-flag';
import { silentSignInArgs } from './silent-sign-in';

/**
 * Restores a session the reload forgot: when `wanted` (this load's {@link claimSessionRestore}
 * said so) and nobody is signed in, sends the whole page to the provider with `prompt=none`, a
 * top-level redirect rather than an iframe, so it works where third-party cookies are blocked.
 * True while that is under way (show a loading state, not the sign-in page). If the redirect
 * cannot start, the flag is forgotten and the sign-in page shows with the reason.
 *
 * @example
 * const restoring = useSessionRestore(restoreSession);
 * if (restoring) return <StatusScreen text="Signing you in…" />;
 */
export function useSessionRestore(wanted: boolean): boolean {
  const auth = useAuth();
  const [pending, setPending] = useState(wanted);
  const started = useRef(false);
  const { isLoading, user, signinRedirect } = auth;
  useEffect(() => {
    if (!pending || started.current || isLoading) return;
    started.current = true;
    if (user) {
      setPending(false);
      return;
    }
    // On success the page leaves and this promise never settles; it settles only on failure.
    void signinRedirect(silentSignInArgs(window.location)).then(() => {
      forgetSignedIn(window.sessionStorage);
      setPending(false);
    });
  }, [pending, isLoading, user, signinRedirect]);
  return pending;
}
