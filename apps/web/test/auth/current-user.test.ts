// @vitest-environment node
import { type DevIdp, startDevIdp } from '@petstore/dev-idp/server';
import { User } from 'oidc-client-ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { currentUser } from '../../src/auth/current-user';
import { signedInUser, userManagerFor } from '../support/dev-idp-user';

let idp: DevIdp;
beforeAll(async () => {
  idp = await startDevIdp({ host: '127.0.0.1', port: 0, memory: true });
});
afterAll(() => idp.close());

const manager = () => userManagerFor(idp.issuer);

/** The user with a fresh access token but an ID token that expired (as Auth0's may, before it). */
async function userWithLapsedIdToken(): Promise<User> {
  const user = await signedInUser(idp.issuer, 600);
  const expired = Math.floor(Date.now() / 1000) - 5;
  return new User({ ...user, profile: { ...user.profile, exp: expired } });
}

it('IAM mode renews when the ID token has lapsed, though the access token is fresh', async () => {
  // Prepare
  const userManager = manager();
  const user = await userWithLapsedIdToken();
  await userManager.storeUser(user);

  // Act
  const renewed = await currentUser(userManager, { idToken: true });

  // Assess: renewed with the refresh token (it rotates), an ID token that has not lapsed
  expect(renewed?.refresh_token).toBeDefined();
  expect(renewed?.refresh_token).not.toBe(user.refresh_token);
  expect(renewed?.id_token).toMatch(/^ey/);
  expect(renewed?.profile.exp).toBeGreaterThan(Date.now() / 1000 + 60);
});

it('token mode does not renew for the ID token alone (it sends only the access token)', async () => {
  // Prepare
  const userManager = manager();
  const user = await userWithLapsedIdToken();
  await userManager.storeUser(user);

  // Act
  const same = await currentUser(userManager);

  // Assess
  expect(same?.refresh_token).toBe(user.refresh_token);
  expect(same?.access_token).toBe(user.access_token);
});

it('is null when nobody is signed in', async () => {
  // Act / Assess
  expect(await currentUser(manager(), { idToken: true })).toBeNull();
});
