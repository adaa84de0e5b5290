import { operations } from '@petstore/api-contract/operations';
import { permissionValues } from '@petstore/api-contract/types';
import { loadConfig } from '@petstore/authorizer/config';
import { wireAuthorizer } from '@petstore/authorizer/wire-authorizer';
import fc from 'fast-check';
import { exportJWK, generateKeyPair, type JWTPayload, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { callerOf } from '../../src/http/caller';
import { propertyRuns } from '../support/property-runs';
import { proxyEvent } from '../support/proxy-event';

// The real authorizer, keys from an in-memory JWKS (no request), verifying real RS256 tokens.
const issuer = 'https://idp.example.com/';
const audience = 'https://petstore.example.com';
const { publicKey, privateKey } = await generateKeyPair('RS256');
const kid = 'round-trip';
const authorize = wireAuthorizer(
  loadConfig({
    TOKEN_ISSUER: issuer,
    JWKS_URI: 'https://idp.example.com/.well-known/jwks.json',
    AUDIENCE: audience,
  }),
  {
    log: { debug() {}, info() {}, warn() {}, error() {} },
    operations,
    permissions: permissionValues,
    jwksFile: { keys: [{ ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' }] },
  },
);

function accessToken(claims: JWTPayload): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ iss: issuer, aud: audience, iat: now, exp: now + 300, ...claims })
    .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', kid })
    .sign(privateKey);
}

/** A caller of the token API as a token describes it, and the caller the API must see. */
interface Case {
  readonly claims: JWTPayload;
  readonly expected: ReturnType<typeof callerOf>;
}

const subject = fc.string({ minLength: 1, maxLength: 40 });
const granted = fc.subarray([...permissionValues]);
const inKnownOrder = (names: readonly string[]) =>
  permissionValues.filter((permission) => names.includes(permission));

const userToken: fc.Arbitrary<Case> = fc
  .record({
    sub: subject,
    name: fc.option(fc.string({ minLength: 1, maxLength: 40 }), { nil: undefined }),
    email: fc.option(fc.emailAddress(), { nil: undefined }),
    permissions: granted,
  })
  .map(({ sub, name, email, permissions }) => ({
    claims: {
      sub,
      permissions,
      ...(name === undefined ? {} : { name }),
      ...(email === undefined ? {} : { email }),
    },
    expected: {
      via: 'token',
      subject: sub,
      name: name ?? email ?? sub,
      permissions: inKnownOrder(permissions),
      tokenType: 'user',
    },
  }));

const machineToken: fc.Arbitrary<Case> = fc
  .record({ client: subject, permissions: granted })
  .map(({ client, permissions }) => ({
    claims: { sub: client, client_id: client, scope: permissions.join(' ') },
    expected: {
      via: 'token',
      subject: client,
      name: client,
      permissions: inKnownOrder(permissions),
      tokenType: 'machine',
      clientId: client,
    },
  }));

describe('the authorizer context, from the authorizer through the gateway to the API', () => {
  it('a context the real authorizer builds for a real token is read back as the same caller', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(userToken, machineToken), async ({ claims, expected }) => {
        // Act
        const result = await authorize({
          type: 'TOKEN',
          authorizationToken: `Bearer ${await accessToken(claims)}`,
          methodArn: 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/me',
        });
        const event = proxyEvent({ method: 'GET', resource: '/me', authorizerResult: result });
        // Assess
        expect(callerOf(event, new Map())).toEqual(expected);
      }),
      propertyRuns(25),
    );
  });
});
