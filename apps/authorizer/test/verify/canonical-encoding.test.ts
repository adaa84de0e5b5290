import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCanonicalBase64url } from '../../src/verify/bearer-token';
import { expectRefused, testAuthorizer, tokenEvent } from '../support/authorizer';
import { type JwksServer, startJwksServer } from '../support/jwks-server';
import { type SigningKey, signingKey } from '../support/keys';
import { propertyRuns } from '../support/property';
import { accessToken, admin, handmadeToken, liveClaims, signedAsSpelled } from '../support/tokens';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Every spelling of a base64url segment that decodes to the same bytes: when the length is
 * 2 or 3 modulo 4, the last character carries 4 or 2 bits no byte uses.
 */
function spellingsOf(segment: string): string[] {
  const spare = { 2: 4, 3: 2 }[(segment.length % 4) as 2 | 3] ?? 0;
  const last = alphabet.indexOf(segment.at(-1) ?? '');
  const base = last & ~((1 << spare) - 1);
  return Array.from(
    { length: 1 << spare },
    (_, low) => segment.slice(0, -1) + alphabet[base + low],
  );
}

/** A payload whose encoding leaves spare bits in its last character. */
function claimsWithSpareBits(): Record<string, unknown> {
  for (let filler = 0; ; filler++) {
    const claims = liveClaims({ filler: 'x'.repeat(filler) });
    if (Buffer.from(JSON.stringify(claims)).toString('base64url').length % 4 === 2) return claims;
  }
}

describe('each segment must be spelled the one canonical base64url way', () => {
  let key: SigningKey;
  let server: JwksServer;
  let authorize: ReturnType<typeof testAuthorizer>;

  beforeAll(async () => {
    key = await signingKey('canonical-key');
    server = await startJwksServer([key.publicJwk]);
    authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
  });
  afterAll(() => server.close());

  it('of the 16 spellings of an RS256 signature, only the canonical one is accepted', async () => {
    // Prepare
    const token = await accessToken(key, admin);
    const [header, payload, signature = ''] = token.split('.');
    const spellings = spellingsOf(signature);
    expect(spellings).toHaveLength(16);
    for (const spelling of spellings) {
      expect(Buffer.from(spelling, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
    }
    // Act + Assess
    expect((await authorize(tokenEvent(`Bearer ${token}`))).principalId).toBe(admin.sub);
    for (const spelling of spellings.filter((candidate) => candidate !== signature)) {
      await expectRefused(
        authorize,
        `Bearer ${header}.${payload}.${spelling}`,
        'NON_CANONICAL_ENCODING',
      );
    }
  });

  it('a payload spelled another way, and signed as spelled, is refused', async () => {
    // Prepare
    const claims = claimsWithSpareBits();
    const canonical = handmadeToken(key, { alg: 'RS256', typ: 'at+jwt', kid: key.kid }, claims);
    const [header = '', payload = ''] = canonical.split('.');
    const respelled = spellingsOf(payload).find((spelling) => spelling !== payload) ?? '';
    // Act + Assess
    expect((await authorize(tokenEvent(`Bearer ${canonical}`))).principalId).toBe(admin.sub);
    await expectRefused(
      authorize,
      `Bearer ${signedAsSpelled(key, `${header}.${respelled}`)}`,
      'NON_CANONICAL_ENCODING',
    );
  });

  it('padding and a length no encoding has (1 modulo 4) are refused', async () => {
    // Prepare
    const [header, payload, signature] = (await accessToken(key, admin)).split('.');
    // Act + Assess
    await expectRefused(authorize, `Bearer ${header}.${payload}.${signature}==`, 'MALFORMED_TOKEN');
    await expectRefused(
      authorize,
      `Bearer ${header}.${payload}.${signature}AAA`,
      'NON_CANONICAL_ENCODING',
    );
  });
});

describe('isCanonicalBase64url', () => {
  it('accepts exactly one spelling of any byte sequence: the encoder’s', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        // Prepare
        const canonical = Buffer.from(bytes).toString('base64url');
        const spellings = canonical === '' ? [''] : spellingsOf(canonical);
        // Act
        const accepted = spellings.filter(isCanonicalBase64url);
        // Assess
        expect(accepted).toEqual([canonical]);
        // One more character makes a length of 1 modulo 4, which no byte sequence has
        if (canonical.length % 4 === 0) expect(isCanonicalBase64url(`${canonical}A`)).toBe(false);
      }),
      propertyRuns(300),
    );
  });
});
