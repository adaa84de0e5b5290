import { SignJWT } from 'jose';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  expectRefused,
  expectUnauthorized,
  testAuthorizer,
  tokenEvent,
} from '../support/authorizer';
import { type JwksServer, startJwksServer } from '../support/jwks-server';
import { type SigningKey, signingKey } from '../support/keys';
import { accessToken, admin, audience, handmadeToken, issuer, liveClaims } from '../support/tokens';

// Every case here must be a 401 (exactly `Unauthorized`, AWS-BEHAVIOR A4), never a 500.
describe('tokens the authorizer refuses', () => {
  let key: SigningKey;
  let server: JwksServer;
  let authorize: ReturnType<typeof testAuthorizer>;
  const now = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    key = await signingKey('key-1');
    server = await startJwksServer([key.publicJwk]);
    authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
  });
  afterAll(() => server.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  it('control: a good access token is authorized', async () => {
    // Prepare
    const token = await accessToken(key);
    // Act
    const result = await authorize(tokenEvent(`Bearer ${token}`));
    // Assess
    expect(result.principalId).toBe(admin.sub);
  });

  it('a missing or empty header', async () => {
    await expectRefused(authorize, '', 'MISSING_TOKEN');
    await expectUnauthorized(
      authorize({ type: 'TOKEN', methodArn: tokenEvent('').methodArn } as never),
    );
  });

  it('garbled headers', async () => {
    // Prepare
    const token = await accessToken(key);
    const garbled = [
      ['Bearer', 'NOT_BEARER'],
      ['Bearer ', 'MALFORMED_TOKEN'],
      [`Basic ${token}`, 'NOT_BEARER'],
      [`Bearer  ${token}`, 'MALFORMED_TOKEN'],
      [`Bearer ${token} `, 'MALFORMED_TOKEN'],
      [`Bearer\t${token}`, 'NOT_BEARER'],
      [token, 'NOT_BEARER'],
      ['Bearer a.b', 'MALFORMED_TOKEN'],
      ['Bearer a.b.c.d', 'MALFORMED_TOKEN'],
      ['Bearer not a jwt', 'MALFORMED_TOKEN'],
      [`Bearer ${token}, Bearer ${token}`, 'MALFORMED_TOKEN'],
    ] as const;
    // Act + Assess
    for (const [header, reason] of garbled) await expectRefused(authorize, header, reason);
  });

  it('lowercase `bearer`', async () => {
    const token = await accessToken(key);
    await expectRefused(authorize, `bearer ${token}`, 'NOT_BEARER');
    await expectRefused(authorize, `BEARER ${token}`, 'NOT_BEARER');
  });

  it('`alg: none`, with or without a signature', async () => {
    // Prepare
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode({ alg: 'none', typ: 'at+jwt', kid: key.kid })}.${encode(liveClaims())}`;
    // Act + Assess
    await expectRefused(authorize, `Bearer ${unsigned}.`, 'MALFORMED_TOKEN');
    await expectRefused(authorize, `Bearer ${unsigned}.AAAA`, 'ALGORITHM_NOT_ALLOWED');
  });

  it('HS256 signed with the RSA public key as the secret', async () => {
    // Prepare
    const secrets = [key.publicPem, JSON.stringify(key.publicJwk), String(key.publicJwk.n)];
    for (const secret of secrets) {
      const token = await new SignJWT(liveClaims())
        .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt', kid: key.kid })
        .sign(new TextEncoder().encode(secret));
      // Act + Assess
      await expectRefused(authorize, `Bearer ${token}`, 'ALGORITHM_NOT_ALLOWED');
    }
  });

  it('wrong `iss`', async () => {
    const token = await accessToken(key, { ...admin, iss: `${issuer}/other` });
    const prefix = await accessToken(key, { ...admin, iss: issuer.slice(0, -1) });
    await expectRefused(authorize, `Bearer ${token}`, 'ISS_CHECK_FAILED');
    await expectRefused(authorize, `Bearer ${prefix}`, 'ISS_CHECK_FAILED');
  });

  it('wrong `aud`', async () => {
    const other = await accessToken(key, { ...admin, aud: 'https://api.other.local' });
    const none = await accessToken(key, { ...admin, aud: [] });
    await expectRefused(authorize, `Bearer ${other}`, 'AUD_CHECK_FAILED');
    await expectRefused(authorize, `Bearer ${none}`, 'AUD_CHECK_FAILED');
  });

  it('expired (beyond the clock tolerance)', async () => {
    const token = await accessToken(key, { ...admin, iat: now() - 600, exp: now() - 30 });
    await expectRefused(authorize, `Bearer ${token}`, 'EXPIRED');
  });

  it('no `exp`', async () => {
    // Prepare
    const { exp: _, ...claims } = liveClaims();
    const token = handmadeToken(key, { alg: 'RS256', typ: 'at+jwt', kid: key.kid }, claims);
    // Act + Assess
    await expectRefused(authorize, `Bearer ${token}`, 'EXP_MISSING');
  });

  it('`nbf` in the future (beyond the clock tolerance)', async () => {
    const token = await accessToken(key, { ...admin, nbf: now() + 60 });
    await expectRefused(authorize, `Bearer ${token}`, 'NBF_CHECK_FAILED');
  });

  it('an unknown `kid`, refetching the JWKS at most once per cooldown', async () => {
    // Prepare: a fresh authorizer whose first call loads the key set
    vi.useFakeTimers({ toFake: ['Date'] });
    const own = await startJwksServer([key.publicJwk]);
    const fresh = testAuthorizer({ JWKS_URI: own.jwksUri, JWKS_COOLDOWN_SECONDS: '30' });
    await fresh(tokenEvent(`Bearer ${await accessToken(key)}`));
    const stranger = await signingKey('nobody-knows-me');
    const unknown = async () => `Bearer ${await accessToken(stranger)}`;
    try {
      // Act: a burst of unknown kids just after the load
      for (let i = 0; i < 5; i += 1) await expectRefused(fresh, await unknown(), 'UNKNOWN_KID');
      const duringCooldown = own.requests();
      // ...then a burst after the cooldown
      vi.setSystemTime(Date.now() + 31_000);
      for (let i = 0; i < 5; i += 1) await expectRefused(fresh, await unknown(), 'UNKNOWN_KID');
      // Assess
      expect(duringCooldown).toBe(1);
      expect(own.requests()).toBe(2);
    } finally {
      await own.close();
    }
  });

  it('a tampered payload', async () => {
    // Prepare: same header and signature, payload granting more
    const [header, , signature] = (await accessToken(key, { ...admin, permissions: [] })).split(
      '.',
    );
    const payload = Buffer.from(JSON.stringify(liveClaims())).toString('base64url');
    // Act + Assess
    await expectRefused(authorize, `Bearer ${header}.${payload}.${signature}`, 'BAD_SIGNATURE');
  });

  it('a tampered signature', async () => {
    // Prepare
    const [header, payload, signature = ''] = (await accessToken(key)).split('.');
    const middle = Math.floor(signature.length / 2);
    const flipped = signature[middle] === 'A' ? 'B' : 'A';
    const tampered = `${signature.slice(0, middle)}${flipped}${signature.slice(middle + 1)}`;
    // Act + Assess
    await expectRefused(authorize, `Bearer ${header}.${payload}.${tampered}`, 'BAD_SIGNATURE');
    await expectRefused(authorize, `Bearer ${header}.${payload}.${signature}AA`, 'BAD_SIGNATURE');
  });

  it('a valid signature from another key that claims the same `kid`', async () => {
    // Prepare
    const impostor = await signingKey(key.kid);
    const token = await accessToken(impostor);
    // Act + Assess
    await expectRefused(authorize, `Bearer ${token}`, 'BAD_SIGNATURE');
  });

  it('an ID token used as an access token', async () => {
    // Prepare: typ JWT, aud = the SPA's client id, OIDC claims
    const idClaims = { ...admin, aud: 'petstore-web', azp: 'petstore-web', nonce: 'n-0S6_WzA2Mj' };
    const idToken = await accessToken(key, idClaims, { typ: 'JWT' });
    const lenient = testAuthorizer({ JWKS_URI: server.jwksUri, REQUIRE_TOKEN_TYPE: '' });
    // Act + Assess: refused by typ, and by aud even when typ is not checked
    await expectRefused(authorize, `Bearer ${idToken}`, 'TYP_CHECK_FAILED');
    await expectRefused(lenient, `Bearer ${idToken}`, 'AUD_CHECK_FAILED');
  });

  it('an access token without the required `typ`', async () => {
    const token = await accessToken(key, admin, { typ: 'JWT' });
    const untyped = await accessToken(key, admin, { typ: undefined });
    await expectRefused(authorize, `Bearer ${token}`, 'TYP_CHECK_FAILED');
    await expectRefused(authorize, `Bearer ${untyped}`, 'TYP_CHECK_FAILED');
  });

  it('an oversized token, refused before it is decoded', async () => {
    // Prepare
    const token = await accessToken(key, { ...admin, padding: 'x'.repeat(9000) });
    // Act
    await expectUnauthorized(authorize(tokenEvent(`Bearer ${token}`)));
    // Assess
    expect(authorize.log.entries.at(-1)?.[2]).toEqual({
      reason: 'TOKEN_TOO_LARGE',
      detail: 'token rejected: TOKEN_TOO_LARGE',
      fingerprint: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
  });

  it('segments that are not JSON', async () => {
    // Prepare
    const header = { alg: 'RS256', typ: 'at+jwt', kid: key.kid };
    const badHeader = handmadeToken(key, 'not json', liveClaims());
    const badPayload = handmadeToken(key, header, 'not json either');
    const arrayPayload = handmadeToken(key, header, '[1,2,3]');
    const notBase64 = `${handmadeToken(key, header, liveClaims()).slice(0, 10)}$$.x.y`;
    // Act + Assess
    for (const token of [badHeader, badPayload, arrayPayload, notBase64]) {
      await expectRefused(authorize, `Bearer ${token}`, 'MALFORMED_TOKEN');
    }
  });

  it('a `jku`, `x5u` or `jwk` header pointing elsewhere, and nothing is fetched', async () => {
    // Prepare: an attacker's key, published where the headers point
    const attacker = await signingKey('attacker');
    const elsewhere = `${server.origin}/attacker/jwks`;
    const tokens = [
      await accessToken(attacker, admin, { jku: elsewhere }),
      await accessToken(attacker, admin, { x5u: `${server.origin}/attacker/cert.pem` }),
      await accessToken(attacker, admin, { jwk: attacker.publicJwk }),
      await accessToken(key, admin, { jku: elsewhere }),
    ];
    // Act
    for (const token of tokens) {
      await expectRefused(authorize, `Bearer ${token}`, 'FORBIDDEN_HEADER_PARAMETER');
    }
    // Assess
    expect(server.requests('/attacker/jwks')).toBe(0);
    expect(server.requests('/attacker/cert.pem')).toBe(0);
  });

  it('an unknown `crit` header parameter', async () => {
    // Prepare
    const header = {
      alg: 'RS256',
      typ: 'at+jwt',
      kid: key.kid,
      crit: ['exp-policy'],
      'exp-policy': 1,
    };
    const token = handmadeToken(key, header, liveClaims());
    // Act + Assess
    await expectRefused(authorize, `Bearer ${token}`, 'UNSUPPORTED_TOKEN');
  });

  it('a token without `sub`', async () => {
    const { sub: _, ...claims } = liveClaims();
    const token = handmadeToken(key, { alg: 'RS256', typ: 'at+jwt', kid: key.kid }, claims);
    await expectRefused(authorize, `Bearer ${token}`, 'SUB_MISSING');
  });

  it('a token for another audience in a list is still refused; ours in a list is accepted', async () => {
    // Prepare
    const theirs = await accessToken(key, {
      ...admin,
      aud: ['https://a.example', 'https://b.example'],
    });
    const ours = await accessToken(key, { ...admin, aud: ['https://a.example', audience] });
    // Act + Assess
    await expectRefused(authorize, `Bearer ${theirs}`, 'AUD_CHECK_FAILED');
    expect((await authorize(tokenEvent(`Bearer ${ours}`))).principalId).toBe(admin.sub);
  });
});
