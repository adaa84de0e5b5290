import { createPetStoreClient } from '@petstore/api-contract/client';
import { render, screen } from '@testing-library/react';
import { UserManager } from 'oidc-client-ts';
import { expect, it } from 'vitest';
import { App } from '../../src/app/app';
import { memoryStore } from '../support/memory-store';
import { startTestServer } from '../support/test-server';

async function renderSignedOut(path: string) {
  window.history.replaceState(null, '', path);
  const api = await startTestServer();
  const userManager = new UserManager({
    authority: 'http://127.0.0.1:9',
    client_id: 'petstore-web',
    redirect_uri: `${window.location.origin}/callback`,
    userStore: memoryStore(),
    stateStore: memoryStore(),
    automaticSilentRenew: false,
  });
  render(
    <App
      userManager={userManager}
      api={createPetStoreClient({ baseUrl: api.url, getAccessToken: () => undefined })}
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
