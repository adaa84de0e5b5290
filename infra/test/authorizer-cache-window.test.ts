import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as wallClock } from 'node:timers/promises';
import { type Gateway, startGateway } from '@petstore/gateway';
import type { AccessLogEntry } from '@petstore/gateway/logger';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleParameters, template, templatePath } from './support/template';

// The authorizer cache window, measured on the template as deployed: the gateway emulator
// serves PetsApi with the real authorizer bundle and caches its answers for the template's
// ReauthorizeEvery, as API Gateway does (AWS-BEHAVIOR A9). The gateway's clock is injected;
// the authorizer's is the real one, so the token really expires before it is used again.
// Needs the authorizer and the API functions built (turbo does it).

const audience = 'https://api.petstore.example';
const kid = 'cache-window';
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

/** An RS256 access token as a provider issues it (`typ: at+jwt`), signed with node:crypto. */
function accessToken(issuer: string, key: KeyObject, claims: Record<string, unknown>): string {
  const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const input = `${encode({ alg: 'RS256', typ: 'at+jwt', kid })}.${encode({
    iss: issuer,
    aud: audience,
    sub: 'database|cache-window',
    permissions: ['read:pets'],
    ...claims,
  })}`;
  return `${input}.${sign('sha256', Buffer.from(input), key).toString('base64url')}`;
}

const auth = template.Resources.PetsApi?.Properties?.Auth as
  | { Authorizers: Record<string, { Identity: { ReauthorizeEvery: number } }> }
  | undefined;
const reauthorizeEvery = auth?.Authorizers.TokenAuthorizer?.Identity.ReauthorizeEvery ?? Number.NaN;

describe('the authorizer cache window (ReauthorizeEvery), on the gateway', () => {
  let jwks: Server;
  let issuer: string;
  let gateway: Gateway;
  let now = Date.now();
  const access: AccessLogEntry[] = [];
  const seconds = () => Math.floor(Date.now() / 1000);
  const getMe = async (token: string) => {
    const response = await fetch(`${gateway.url}/me`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    return { status: response.status, authorizer: access.at(-1)?.authorizer };
  };

  beforeAll(async () => {
    const jwk = { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' };
    jwks = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ keys: [jwk] }));
    });
    jwks.listen(0, '127.0.0.1');
    await once(jwks, 'listening');
    issuer = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}`;
    gateway = await startGateway({
      templatePath,
      api: 'PetsApi',
      parameters: {
        ...sampleParameters,
        TokenIssuer: issuer,
        JwksUri: `${issuer}/jwks`,
        Audience: audience,
        RequireTokenType: 'at+jwt',
      },
      // No clock tolerance: the token is expired at its `exp` to the second.
      environment: {
        '*': { POWERTOOLS_LOG_LEVEL: 'SILENT' },
        AuthorizerFunction: { CLOCK_TOLERANCE_SECONDS: '0', LOG_LEVEL: 'SILENT' },
      },
      clock: () => now,
      logger: {
        access: (entry) => access.push(entry),
        info: () => undefined,
        warn: () => undefined,
      },
    });
  });
  afterAll(async () => {
    await gateway?.close();
    jwks.closeAllConnections();
    jwks.close();
  });

  it('is 300 s: a token is served from the cache after its exp until the window ends, then refused', async () => {
    expect(reauthorizeEvery).toBe(300);
    // Prepare: the authorizer is warm (its cold start is not part of the window)
    const warm = await getMe(
      accessToken(issuer, privateKey, { iat: seconds(), exp: seconds() + 600 }),
    );
    expect(warm).toEqual({ status: 200, authorizer: 'miss' });
    const iat = seconds();
    const token = accessToken(issuer, privateKey, { iat, exp: iat + 2 });
    const authorizedAt = now;
    expect(await getMe(token)).toEqual({ status: 200, authorizer: 'miss' });

    // Act: wait (real time) until the token has expired for the authorizer
    await wallClock(Math.max(0, (iat + 2) * 1000 - Date.now()) + 50);
    now = authorizedAt + reauthorizeEvery * 1000 - 1;
    const lastCachedMoment = await getMe(token);
    now = authorizedAt + reauthorizeEvery * 1000;
    const windowOver = await getMe(token);

    // Assess
    expect(seconds()).toBeGreaterThanOrEqual(iat + 2);
    expect(lastCachedMoment).toEqual({ status: 200, authorizer: 'hit' });
    expect(windowOver).toEqual({ status: 401, authorizer: 'miss' });
  });
});
