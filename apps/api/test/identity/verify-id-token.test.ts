import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet } from 'jose';
import { describe, expect, inject, it } from 'vitest';
import { IdentityTokenInvalidError } from '../../src/identity/id-token-errors';
import { createIdTokenVerifier } from '../../src/identity/verify-id-token';
import { users } from '../support/iam-users';
import { signIdToken } from '../support/id-token-issuer';

const issuer = inject('idTokenIssuer');

const verifierAt = (now: Date, jwksUri = issuer.jwksUri) =>
  createIdTokenVerifier({
    issuer: issuer.issuer,
    audience: issuer.audience,
    keys: createRemoteJWKSet(new URL(jwksUri)),
    now: () => now,
  });

describe('createIdTokenVerifier', () => {
  it('accepts a token until its exp (5 s of clock tolerance) and refuses it after', async () => {
    // Prepare: a token that expires in 600 s
    const token = await signIdToken(issuer, users.bea, { expiresIn: 600 });
    const exp = Math.floor(Date.now() / 1000) + 600;
    const at = (seconds: number) => verifierAt(new Date(seconds * 1000))(token);

    // Act
    const justBefore = await at(exp - 1);
    const withinTolerance = await at(exp + 4);
    const after = at(exp + 6);

    // Assess
    expect(justBefore).toEqual({
      subject: users.bea.sub,
      name: 'Bea Buyer',
      email: 'bea.buyer@example.com',
      roleTag: 'buyer',
    });
    expect(withinTolerance.subject).toBe(users.bea.sub);
    await expect(after).rejects.toMatchObject({
      code: 'IDENTITY_TOKEN_INVALID',
      logDetail: 'expired',
    });
  });

  it('refuses a token whose nbf is still ahead', async () => {
    const token = await signIdToken(issuer, users.bea, {
      claims: { nbf: Math.floor(Date.now() / 1000) + 120 },
    });
    await expect(verifierAt(new Date())(token)).rejects.toBeInstanceOf(IdentityTokenInvalidError);
  });

  it('lets a JWKS that cannot be fetched through as a fault, not a refused token', async () => {
    // Prepare: a port that was free a moment ago, and is closed now
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise((resolve) => server.close(resolve));
    const token = await signIdToken(issuer, users.bea);

    // Act
    const outcome = verifierAt(new Date(), `http://127.0.0.1:${port}/jwks`)(token);

    // Assess
    await expect(outcome).rejects.toThrow();
    await expect(outcome).rejects.not.toBeInstanceOf(IdentityTokenInvalidError);
  });
});
