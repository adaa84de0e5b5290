import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTokens, refreshTokens } from '../../src/flows/get-access-token';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { startTestIdp } from '../support/test-idp';

let idp: DevIdp;
let verifyAccessToken: Awaited<ReturnType<typeof startTestIdp>>['verifyAccessToken'];

beforeAll(async () => {
  ({ idp, verifyAccessToken } = await startTestIdp());
});
afterAll(() => idp.close());

/** The name in a fresh access token of the session `tokens` belong to (a refresh reads the account). */
const currentName = async (tokens: { readonly refreshToken?: string | undefined }) => {
  const refreshed = await refreshTokens(idp.issuer, tokens.refreshToken ?? '');
  return (await verifyAccessToken(refreshed.accessToken)).payload.name;
};

describe('social accounts', () => {
  it("a later social sign-in with someone's email does not rename their account", async () => {
    // Prepare: Bea signs in first
    const bea = { connection: 'social', name: 'Bea Original', email: 'bea.o@example.com' } as const;
    const first = await getTokens(idp.issuer, 'buyer', { signIn: bea });

    // Act: someone else types her email with another name
    const later = await getTokens(idp.issuer, 'buyer', {
      signIn: { ...bea, name: 'Mallory', email: 'BEA.O@example.com' },
    });

    // Assess: the same account, still named Bea, for her tokens and for the later ones
    const { payload: laterClaims } = await verifyAccessToken(later.accessToken);
    const { payload: firstClaims } = await verifyAccessToken(first.accessToken);
    expect(laterClaims.sub).toBe(firstClaims.sub);
    expect(laterClaims).toMatchObject({ name: 'Bea Original', connection: 'social' });
    expect(await currentName(first)).toBe('Bea Original');
  });

  it("a social sign-in with a database user's email leaves that user's account alone", async () => {
    // Prepare / Act
    const social = await getTokens(idp.issuer, 'buyer', {
      signIn: { connection: 'social', name: 'Mallory', email: 'admin@petstore.local' },
    });
    const admin = await getTokens(idp.issuer, 'admin');

    // Assess
    const { payload: socialClaims } = await verifyAccessToken(social.accessToken);
    const { payload: adminClaims } = await verifyAccessToken(admin.accessToken);
    expect(socialClaims).toMatchObject({ connection: 'social', name: 'Mallory' });
    expect(socialClaims.permissions).toEqual(['read:pets', 'purchase:pets']);
    expect(adminClaims).toMatchObject({
      sub: 'database|admin',
      connection: 'database',
      name: 'Ada Admin',
    });
    expect(await currentName(admin)).toBe('Ada Admin');
  });
});
