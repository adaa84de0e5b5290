import { roleSessionTags, sessionTagsClaim } from '@petstore/domain/roles';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTokens, refreshTokens } from '../../src/flows/get-access-token';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { startTestIdp } from '../support/test-idp';

let idp: DevIdp;

beforeAll(async () => {
  ({ idp } = await startTestIdp());
});
afterAll(() => idp.close());

/** The payload of an ID token of the SPA client, verified against the dev-idp's JWKS. */
async function verifiedIdToken(idToken: string | undefined) {
  const { payload } = await jwtVerify(idToken ?? '', createRemoteJWKSet(new URL(idp.jwksUri)), {
    issuer: idp.issuer,
    audience: 'petstore-web',
    algorithms: ['RS256'],
  });
  return payload;
}

const adminTag = roleSessionTags('admin');
const buyerTag = roleSessionTags('buyer');

describe('the role session tag in ID tokens (for STS AssumeRoleWithWebIdentity)', () => {
  it('tags a database user as admin', async () => {
    // Act
    const payload = await verifiedIdToken((await getTokens(idp.issuer, 'admin')).idToken);

    // Assess
    expect(payload[sessionTagsClaim]).toStrictEqual({ principal_tags: { PetRole: ['admin'] } });
    expect(payload.sub).toBe('database|admin');
  });

  it('tags a social user as buyer, whoever they are', async () => {
    // Prepare: the demo buyer and a second social user
    const other = { connection: 'social', name: 'Sam Social', email: 'sam@example.com' } as const;

    // Act
    const demo = await verifiedIdToken((await getTokens(idp.issuer, 'buyer')).idToken);
    const sam = await verifiedIdToken(
      (await getTokens(idp.issuer, 'buyer', { signIn: other })).idToken,
    );

    // Assess
    expect(demo[sessionTagsClaim]).toStrictEqual(buyerTag);
    expect(sam[sessionTagsClaim]).toStrictEqual(buyerTag);
    expect(sam.sub).not.toBe(demo.sub);
  });

  it('tags the ID token with the scope openid alone: the SPA needs no extra scope', async () => {
    // Act
    const payload = await verifiedIdToken(
      (await getTokens(idp.issuer, 'admin', { scope: 'openid' })).idToken,
    );

    // Assess
    expect(payload[sessionTagsClaim]).toStrictEqual(adminTag);
    expect(payload.email).toBeUndefined();
  });

  it('keeps a social user a buyer whatever scopes, role parameter or claims request it sends', async () => {
    // Prepare: admin scopes, a `role` parameter and an OIDC `claims` request for the admin tag
    const claims = JSON.stringify({
      id_token: { [sessionTagsClaim]: { essential: true, value: adminTag } },
      userinfo: { [sessionTagsClaim]: { value: adminTag } },
    });

    // Act
    const tokens = await getTokens(idp.issuer, 'buyer', {
      scope: 'openid profile email create:pets delete:pets PetRole:admin',
      extraParameters: { role: 'admin', claims, PetRole: 'admin' },
    });
    const payload = await verifiedIdToken(tokens.idToken);

    // Assess
    expect(payload[sessionTagsClaim]).toStrictEqual(buyerTag);
  });

  it('keeps the tag of the rule in the ID token of a refresh', async () => {
    // Prepare
    const first = await getTokens(idp.issuer, 'buyer');

    // Act
    const refreshed = await refreshTokens(idp.issuer, first.refreshToken ?? '');
    const payload = await verifiedIdToken(refreshed.idToken);

    // Assess
    expect(payload[sessionTagsClaim]).toStrictEqual(buyerTag);
  });

  it('leaves the tag out of access tokens, which are for the API and not for STS', async () => {
    // Act
    const { accessToken } = await getTokens(idp.issuer, 'admin');

    // Assess
    expect(decodeJwt(accessToken)).not.toHaveProperty([sessionTagsClaim]);
  });

  it('gives the machine client no ID token at all, so it has no tag to present to STS', async () => {
    // Act
    const tokens = await getTokens(idp.issuer, 'm2m');

    // Assess
    expect(tokens.accessToken).toMatch(/^ey/);
    expect(tokens.idToken).toBeUndefined();
    expect(decodeJwt(tokens.accessToken)).not.toHaveProperty([sessionTagsClaim]);
  });

  it('gives the machine client no ID token even when it asks for openid', async () => {
    // Act
    const tokens = await getTokens(idp.issuer, 'm2m', { m2m: { scope: 'openid read:pets' } });

    // Assess
    expect(tokens.idToken).toBeUndefined();
    expect(tokens.scope).toBe('read:pets');
  });
});
