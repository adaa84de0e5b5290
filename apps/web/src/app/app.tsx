import type { PetStoreClient } from '@petstore/api-contract/client';
import type { User, UserManager } from 'oidc-client-ts';
import { AuthProvider } from 'react-oidc-context';
import { ApiProvider } from '../api/api-context';
import { returnPathOf } from '../auth/sign-in-args';
import { rememberSignedIn } from '../auth/signed-in-flag';
import type { ApiMode } from '../config/web-config';
import { AuthGate } from './auth-gate';

export interface AppProps {
  readonly userManager: UserManager;
  readonly api: PetStoreClient;
  /** Which API `api` calls (default `token`). */
  readonly apiMode?: ApiMode;
  /** Try a silent sign-in first (this load's `claimSessionRestore`); default false. */
  readonly restoreSession?: boolean;
}

/**
 * After the provider sends the browser back signed in: remember (only) that this tab is signed
 * in, and go back to the page the sign-in started from, dropping `code` and `state`.
 */
function onSigninCallback(user: User | undefined): void {
  rememberSignedIn(window.sessionStorage);
  window.history.replaceState(null, '', returnPathOf(user));
}

/**
 * The whole app: the OpenID Connect session around the typed API client and the screens.
 *
 * @example
 * createRoot(element).render(<App userManager={userManager} api={api} />);
 */
export function App({ userManager, api, apiMode = 'token', restoreSession = false }: AppProps) {
  return (
    <AuthProvider userManager={userManager} onSigninCallback={onSigninCallback}>
      <ApiProvider client={api} mode={apiMode}>
        <AuthGate restoreSession={restoreSession} />
      </ApiProvider>
    </AuthProvider>
  );
}
