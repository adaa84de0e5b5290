import { useAuth } from 'react-oidc-context';
import { SignInPage } from '../auth/sign-in-page';
import { StoreScreen } from '../store/store-screen';
import { StatusScreen } from '../ui/status-screen';

/**
 * Shows the store to a signed-in person, the sign-in page to anyone else.
 *
 * @example
 * <AuthProvider userManager={userManager}><AuthGate /></AuthProvider>
 */
export function AuthGate() {
  const auth = useAuth();
  if (auth.activeNavigator === 'signinRedirect')
    return <StatusScreen text="Taking you to sign in…" />;
  if (auth.activeNavigator === 'signoutRedirect') return <StatusScreen text="Signing you out…" />;
  if (auth.isLoading && !auth.user) return <StatusScreen text="Signing you in…" />;
  if (!auth.user) return <SignInPage error={auth.error} />;
  return <StoreScreen user={auth.user} />;
}
