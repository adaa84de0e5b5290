import { useAuth } from 'react-oidc-context';
import { SignInPage } from '../auth/sign-in-page';
import { useSessionRestore } from '../auth/use-session-restore';
import { StoreScreen } from '../store/store-screen';
import { StatusScreen } from '../ui/status-screen';

/**
 * Shows the store to a signed-in person, the sign-in page to anyone else. With `restoreSession`,
 * a silent sign-in is tried first, and the loading state shows meanwhile (no sign-in page flash).
 *
 * @example
 * <AuthProvider userManager={userManager}><AuthGate restoreSession={false} /></AuthProvider>
 */
export function AuthGate({ restoreSession }: { restoreSession: boolean }) {
  const auth = useAuth();
  const restoring = useSessionRestore(restoreSession);
  if (restoring) return <StatusScreen text="Signing you in…" />;
  if (auth.activeNavigator === 'signinRedirect')
    return <StatusScreen text="Taking you to sign in…" />;
  if (auth.activeNavigator === 'signoutRedirect') return <StatusScreen text="Signing you out…" />;
  if (auth.isLoading && !auth.user) return <StatusScreen text="Signing you in…" />;
  if (!auth.user) return <SignInPage error={auth.error} />;
  return <StoreScreen user={auth.user} />;
}
