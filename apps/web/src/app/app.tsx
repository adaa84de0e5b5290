import type { PetStoreClient } from '@petstore/api-contract/client';
import type { User, UserManager } from 'oidc-client-ts';
import { AuthProvider } from 'react-oidc-context';
import { ApiProvider } from '../api/api-context';
import { returnPathOf } from '../auth/sign-in-args';
import { AuthGate } from './auth-gate';

export interface AppProps {
  readonly userManager: UserManager;
  readonly api: PetStoreClient;
}

/** After the provider sends the browser back: drop `code` and `state` from the address bar. */
function onSigninCallback(user: User | undefined): void {
  window.history.replaceState(null, '', returnPathOf(user));
}

/**
 * The whole app: the OpenID Connect session around the typed API client and the screens.
 *
 * @example
 * createRoot(element).render(<App userManager={userManager} api={api} />);
 */
export function App({ userManager, api }: AppProps) {
  return (
    <AuthProvider userManager={userManager} onSigninCallback={onSigninCallback}>
      <ApiProvider client={api}>
        <AuthGate />
      </ApiProvider>
    </AuthProvider>
  );
}
