// @vitest-environment node
import { type DevIdp, startDevIdp } from '@petstore/dev-idp/server';
import { User } from 'oidc-client-ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { accessTokenSource } from '../../src/auth/access-token-source';
import { signedInUser, userManagerFor } from '../support/dev-idp-user';

let idp: DevIdp;
beforeAll(async () => {
  idp = await startDevIdp({ host: '127.0.0.1', port: 0, memory: true });
});
afterAll(() => idp.close());

const manager = () => userManagerFor(idp.issuer);

it('gives no token when nobody is signed in', async () => {
  // Act / Assess
  expect(await accessTokenSource(manager())()).toBeUndefined();
});

it('gives the current token while it is fresh', async () => {
  // Prepare
  const userManager = manager();
  const user = await signedInUser(idp.issuer, 600);
  await userManager.storeUser(user);

  // Act / Assess
  expect(await accessTokenSource(userManager)()).toBe(user.access_token);
});

it('renews a token that has expired (a laptop waking up) before the call', async () => {
  // Prepare
  const userManager = manager();
  const user = await signedInUser(idp.issuer, -5);
  await userManager.storeUser(user);

  // Act
  const token = await accessTokenSource(userManager)();

  // Assess
  expect(token).toMatch(/^ey/);
  expect(token).not.toBe(user.access_token);
  expect((await userManager.getUser())?.access_token).toBe(token);
});

it('sends the old token when renewal fails, so the API answers 401 and the page offers to sign in', async () => {
  // Prepare
  const userManager = manager();
  const user = await signedInUser(idp.issuer, -5);
  await userManager.storeUser(new User({ ...user, refresh_token: 'revoked-or-unknown' }));

  // Act
  const token = await accessTokenSource(userManager)();

  // Assess
  expect(token).toBe(user.access_token);
});
