import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { hasAuthParams } from 'react-oidc-context';
import { createApiClient } from './api/create-api-client';
import { App } from './app/app';
import { claimSessionRestore } from './auth/signed-in-flag';
import { SingleFlightUserManager } from './auth/single-flight-user-manager';
import { userManagerSettings } from './auth/user-manager-settings';
import { ConfigErrorPage } from './config/config-error-page';
import { readWebConfig, WebConfigError } from './config/web-config';
import './styles/app.css';

const element = document.getElementById('root');
if (!element) throw new Error('index.html has no #root element.');
const root = createRoot(element);

try {
  const config = readWebConfig(import.meta.env);
  const userManager = new SingleFlightUserManager(
    userManagerSettings(config, window.location.origin),
  );
  const api = createApiClient(config, userManager);
  // Decided once per load, outside React: a tab that was signed in tries one silent sign-in.
  const restoreSession = claimSessionRestore(window.sessionStorage, hasAuthParams());
  root.render(
    <StrictMode>
      <App
        userManager={userManager}
        api={api}
        apiMode={config.mode}
        restoreSession={restoreSession}
      />
    </StrictMode>,
  );
} catch (error) {
  if (!(error instanceof WebConfigError)) throw error;
  console.error(`The Pet Store is not configured: ${error.message}`);
  root.render(<ConfigErrorPage problems={error.problems} />);
}
