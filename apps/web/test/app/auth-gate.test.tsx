import { createPetStoreClient } from '@petstore/api-contract/client';
import { render, screen } from '@testing-library/react';
import { OidcClient, UserManager, type UserManagerSettings } from 'oidc-client-ts';
import { expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { signedInFlag } from '../../src/auth/signed-in-flag';
import { memoryStore } from '../support/memory-store';
import { startTestServer } from '../support/test-server';

/** Nobody listens on port 9: discovery there fails, as with a provider that cannot be reached. */
const settings = (): UserManagerSettings => ({
  authority: 'http://127.0.0.1:9',
  client_id: 'petstore-web',
  redirect_uri: `${window.location.origin}/callback`,
  userStore: memoryStore(),
  stateStore: memoryStore(),
  automaticSilentRenew: false,
});

async function renderSignedOut(path: string, { restoreSession = false, oidc = settings() } = {}) {
  window.history.replaceState(null, '', path);
  const api = await startTestServer();
  const userManager = new UserManager(oidc);
  render(
    <App
      userManager={userManager}
      api={createPetStoreClient({ baseUrl: api.url, getAccessToken: () => undefined })}
      restoreSession={restoreSession}
    />,
  );
  return api;
}

it('shows the sign-in page, and calls no API, to someone who is not signed in', async () => {
  // Act
  const api = await renderSignedOut('/');

  // Assess
  expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeTruthy();
  expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy();
  expect(api.received).toHaveLength(0);
  await api.close();
});

it('refuses a sign-in answer whose state it did not issue, and clears it from the address', async () => {
  // Act
  const api = await renderSignedOut('/callback?code=stolen-code&state=not-ours');

  // Assess
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('did not match a sign-in started here');
  expect(`${window.location.pathname}${window.location.search}`).toBe('/');
  expect(screen.queryByRole('heading', { name: 'Pets' })).toBeNull();
  await api.close();
});

it('while a silent sign-in starts it shows the loading state, not the sign-in page; if it cannot start, the sign-in page says why and the tab forgets it was signed in', async () => {
  // Prepare
  window.sessionStorage.setItem(signedInFlag.key, signedInFlag.restoring);

  // Act
  const api = await renderSignedOut('/?type=cat', { restoreSession: true });

  // Assess: loading first, then the sign-in page with the reason
  expect(screen.getByRole('status').textContent).toContain('Signing you in');
  expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull();
  const alert = await screen.findByRole('alert');
  expect(alert.textContent).toContain('could not be reached');
  expect(screen.getByRole('heading', { name: 'Sign in', level: 1 })).toBeTruthy();
  expect(window.sessionStorage.getItem(signedInFlag.key)).toBeNull();
  await api.close();
});

it('when a silent sign-in comes back with login_required it shows the sign-in page without an error, on the page it started from', async () => {
  // Prepare: the state of a prompt=none sign-in this tab started, as the provider answers it
  const oidc: UserManagerSettings = {
    ...settings(),
    metadata: { issuer: 'http://127.0.0.1:9', authorization_endpoint: 'http://127.0.0.1:9/auth' },
  };
  const request = await new OidcClient(oidc).createSigninRequest({
    state: { returnTo: '/?type=cat' },
    prompt: 'none',
    request_type: 'si:r',
  });
  const state = new URL(request.url).searchParams.get('state') ?? '';

  // Act
  const api = await renderSignedOut(
    `/callback?error=login_required&error_description=End-User+authentication+is+required&state=${state}`,
    { oidc },
  );

  // Assess
  expect(await screen.findByRole('heading', { name: 'Sign in', level: 1 })).toBeTruthy();
  expect(screen.queryByRole('alert')).toBeNull();
  expect(`${window.location.pathname}${window.location.search}`).toBe('/?type=cat');
  await api.close();
});
