import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAccessToken, getTokens } from '../../src/flows/get-access-token';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { headerOf, startTestIdp } from '../support/test-idp';

let idp: DevIdp;
let verifyAccessToken: Awaited<ReturnType<typeof startTestIdp>>['verifyAccessToken'];

beforeAll(async () => {
  ({ idp, verifyAccessToken } = await startTestIdp());
});
afterAll(() => idp.close());

describe('getAccessToken through the real flows', () => {
  it('gives the database admin an RS256 at+jwt for the API with admin permissions', async () => {
    // Prepare: the demo admin signs in with the database form (code + PKCE)
    // Act
    const token = await getAccessToken(idp.issuer, 'admin');
    const { payload, protectedHeader } = await verifyAccessToken(token);

    // Assess
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
    expect(payload).toMatchObject({
      iss: idp.issuer,
      aud: 'https://api.petstore.local',
      sub: 'database|admin',
      client_id: 'petstore-web',
      permissions: ['read:pets', 'create:pets', 'delete:pets'],
      name: 'Ada Admin',
      email: 'admin@petstore.local',
      connection: 'database',
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(10 * 60);
  });

  it('gives the social buyer buyer permissions and a subject stable per email', async () => {
    // Prepare: the demo buyer goes through the simulated Amazon page twice
    // Act
    const first = await verifyAccessToken(await getAccessToken(idp.issuer, 'buyer'));
    const second = await verifyAccessToken(await getAccessToken(idp.issuer, 'buyer'));

    // Assess
    expect(first.payload).toMatchObject({
      permissions: ['read:pets', 'purchase:pets'],
      name: 'Bea Buyer',
      email: 'bea.buyer@example.com',
      connection: 'social',
    });
    expect(first.payload.sub).toMatch(/^amazon-demo\|[0-9a-f]{24}$/);
    expect(second.payload.sub).toBe(first.payload.sub);
  });

  it('gives the machine client exactly its granted permissions, whatever it asks for', async () => {
    // Prepare: the m2m client asks for more than its grant
    // Act
    const token = await getAccessToken(idp.issuer, 'm2m', {
      m2m: { scope: 'read:pets create:pets delete:pets purchase:pets' },
    });
    const { payload } = await verifyAccessToken(token);

    // Assess
    expect(payload).toMatchObject({ sub: 'petstore-m2m', client_id: 'petstore-m2m' });
    expect(payload.permissions).toEqual(['read:pets']);
    expect(payload.scope).toBe('read:pets');
  });

  it('grants a social user asking for admin scopes and a role only what the rule gives', async () => {
    // Prepare: the client asks for create/delete and slips in a role parameter
    const scope = 'openid profile email create:pets delete:pets read:pets purchase:pets';

    // Act
    const token = await getAccessToken(idp.issuer, 'buyer', {
      scope,
      extraParameters: { role: 'admin' },
    });
    const { payload } = await verifyAccessToken(token);

    // Assess
    expect(payload.permissions).toEqual(['read:pets', 'purchase:pets']);
    expect(String(payload.scope).split(' ').sort()).toEqual(['purchase:pets', 'read:pets']);
  });

  it('issues an ID token for the client that does not pass as an access token', async () => {
    // Prepare
    const { idToken } = await getTokens(idp.issuer, 'admin');
    const jwks = createRemoteJWKSet(new URL(idp.jwksUri));

    // Act
    const asIdToken = await jwtVerify(idToken ?? '', jwks, {
      issuer: idp.issuer,
      audience: 'petstore-web',
    });
    const asAccessToken = jwtVerify(idToken ?? '', jwks, {
      issuer: idp.issuer,
      audience: idp.config.audience,
    });

    // Assess
    expect(asIdToken.payload).toMatchObject({ sub: 'database|admin', name: 'Ada Admin' });
    expect(headerOf(idToken ?? '').typ).not.toBe('at+jwt');
    await expect(asAccessToken).rejects.toThrow(/aud/);
  });
});
