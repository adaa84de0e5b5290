import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, testAuthorizer, tokenEvent } from '../support/authorizer';
import { type JwksServer, startJwksServer } from '../support/jwks-server';
import { type SigningKey, signingKey } from '../support/keys';
import { accessToken, admin, handmadeToken, liveClaims } from '../support/tokens';

const day = 24 * 60 * 60;

describe('when a token says it was issued, and for how long', () => {
  let key: SigningKey;
  let server: JwksServer;
  let authorize: ReturnType<typeof testAuthorizer>;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    key = await signingKey('times-key');
    server = await startJwksServer([key.publicJwk]);
    // The defaults: CLOCK_TOLERANCE_SECONDS 5, MAX_TOKEN_LIFETIME_SECONDS 86400.
    authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
  });
  afterAll(() => server.close());

  it('`iat` in the future beyond the clock tolerance is refused; within it, accepted', async () => {
    // Prepare
    const ahead = await accessToken(key, { ...admin, iat: now() + 60, exp: now() + 360 });
    const skewed = await accessToken(key, { ...admin, iat: now() + 3, exp: now() + 303 });
    // Act + Assess
    await expectRefused(authorize, `Bearer ${ahead}`, 'IAT_IN_THE_FUTURE');
    expect((await authorize(tokenEvent(`Bearer ${skewed}`))).principalId).toBe(admin.sub);
  });

  it('a lifetime (`exp - iat`) above MAX_TOKEN_LIFETIME_SECONDS is refused; exactly it, accepted', async () => {
    // Prepare
    const iat = now() - 60;
    const tooLong = await accessToken(key, { ...admin, iat, exp: iat + day + 1 });
    const longest = await accessToken(key, { ...admin, iat, exp: iat + day });
    // Act + Assess
    await expectRefused(authorize, `Bearer ${tooLong}`, 'LIFETIME_TOO_LONG');
    expect((await authorize(tokenEvent(`Bearer ${longest}`))).principalId).toBe(admin.sub);
  });

  it('the maximum is configurable', async () => {
    // Prepare
    const strict = testAuthorizer({ JWKS_URI: server.jwksUri, MAX_TOKEN_LIFETIME_SECONDS: '600' });
    const iat = now();
    // Act + Assess
    await expectRefused(
      strict,
      `Bearer ${await accessToken(key, { ...admin, iat, exp: iat + 601 })}`,
      'LIFETIME_TOO_LONG',
    );
    const fine = await strict(
      tokenEvent(`Bearer ${await accessToken(key, { ...admin, iat, exp: iat + 600 })}`),
    );
    expect(fine.principalId).toBe(admin.sub);
  });

  it('a token without `iat` is refused: its lifetime cannot be bounded (RFC 9068 requires it)', async () => {
    // Prepare
    const { iat: _, ...claims } = liveClaims();
    const token = handmadeToken(key, { alg: 'RS256', typ: 'at+jwt', kid: key.kid }, claims);
    // Act + Assess
    await expectRefused(authorize, `Bearer ${token}`, 'IAT_MISSING');
  });
});
