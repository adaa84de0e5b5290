// @vitest-environment node
import { type DevIdp, startDevIdp } from '@petstore/dev-idp/server';
import { refreshTokens } from '@petstore/dev-idp/tokens';
import { UserManager } from 'oidc-client-ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SingleFlightUserManager } from '../../src/auth/single-flight-user-manager';
import { signedInUser, spaClient } from '../support/dev-idp-user';
import { memoryStore } from '../support/memory-store';

let idp: DevIdp;
beforeAll(async () => {
  idp = await startDevIdp({ host: '127.0.0.1', port: 0, memory: true });
});
afterAll(() => idp.close());

async function managerWithUser(Manager: typeof UserManager): Promise<UserManager> {
  const manager = new Manager({
    authority: idp.issuer,
    ...spaClient,
    userStore: memoryStore(),
    stateStore: memoryStore(),
    automaticSilentRenew: false,
  });
  await manager.storeUser(await signedInUser(idp.issuer, 600));
  return manager;
}

it('without it, two renewals at once reuse one refresh token and the provider ends the session', async () => {
  // Prepare
  const manager = await managerWithUser(UserManager);

  // Act
  const outcomes = await Promise.allSettled([manager.signinSilent(), manager.signinSilent()]);

  // Assess: rotation refuses the second use of the refresh token
  expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
});

it('two renewals at once share one token request, and the session carries on', async () => {
  // Prepare
  const manager = await managerWithUser(SingleFlightUserManager);
  const before = await manager.getUser();

  // Act
  const [first, second] = await Promise.all([manager.signinSilent(), manager.signinSilent()]);

  // Assess: one new token for both callers; its refresh token still works
  expect(first?.access_token).toBeDefined();
  expect(first?.access_token).toBe(second?.access_token);
  expect(first?.access_token).not.toBe(before?.access_token);
  const next = await refreshTokens(idp.issuer, first?.refresh_token ?? '');
  expect(next.accessToken).toMatch(/^ey/);
});

it('renews again once the previous renewal has finished', async () => {
  // Prepare
  const manager = await managerWithUser(SingleFlightUserManager);
  const first = await manager.signinSilent();

  // Act
  const second = await manager.signinSilent();

  // Assess
  expect(second?.access_token).not.toBe(first?.access_token);
});
