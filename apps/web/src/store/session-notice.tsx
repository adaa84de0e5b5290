import { useAuth } from 'react-oidc-context';
import { useSignIn } from '../auth/use-sign-in';

/**
 * Says so when the session could not be renewed (the refresh token was refused or the provider
 * could not be reached): the page stays, and signing in again comes back to it.
 *
 * @example
 * <SessionNotice />
 */
export function SessionNotice() {
  const auth = useAuth();
  const signIn = useSignIn();
  if (auth.error?.source !== 'renewSilent') return null;
  return (
    <div className="session-notice" role="alert">
      <p>We could not keep you signed in. Sign in again to carry on where you were.</p>
      <button type="button" className="button button-small" onClick={signIn}>
        Sign in again
      </button>
    </div>
  );
}
