import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectFault, expectRefused, testAuthorizer, tokenEvent } from '../support/authorizer';
import { type JwksServer, startJwksServer } from '../support/jwks-server';
import { type SigningKey, signingKey } from '../support/keys';
import { accessToken, admin } from '../support/tokens';

describe('where verification keys come from', () => {
  let current: SigningKey;
  let next: SigningKey;
  let server: JwksServer;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    [current, next] = await Promise.all([signingKey('2026-11-a'), signingKey('2026-11-b')]);
    server = await startJwksServer([current.publicJwk]);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await server.close();
  });
  const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

  it('key rotation: a token from a newly published key verifies after the cooldown, no restart', async () => {
    // Prepare: the authorizer has loaded the current key set
    const authorize = testAuthorizer({ JWKS_URI: server.jwksUri, JWKS_COOLDOWN_SECONDS: '30' });
    await authorize(tokenEvent(`Bearer ${await accessToken(current)}`));
    // Act: the provider publishes a new key and signs with it
    server.publish([current.publicJwk, next.publicJwk]);
    later(31);
    const rotated = await authorize(tokenEvent(`Bearer ${await accessToken(next)}`));
    const old = await authorize(tokenEvent(`Bearer ${await accessToken(current)}`));
    // Assess
    expect(rotated.principalId).toBe(admin.sub);
    expect(old.principalId).toBe(admin.sub);
    expect(server.requests()).toBe(2);
  });

  it('within the cooldown, a new key is not fetched yet (the token is refused)', async () => {
    // Prepare
    const authorize = testAuthorizer({ JWKS_URI: server.jwksUri, JWKS_COOLDOWN_SECONDS: '30' });
    await authorize(tokenEvent(`Bearer ${await accessToken(current)}`));
    server.publish([current.publicJwk, next.publicJwk]);
    // Act
    await expectRefused(authorize, `Bearer ${await accessToken(next)}`, 'UNKNOWN_KID');
    // Assess
    expect(server.requests()).toBe(1);
  });

  it('JWKS_FILE is used first: a cold start needs no request', async () => {
    // Prepare
    const authorize = testAuthorizer({ JWKS_URI: server.jwksUri }, { keys: [current.publicJwk] });
    // Act
    const result = await authorize(tokenEvent(`Bearer ${await accessToken(current)}`));
    // Assess
    expect(result.principalId).toBe(admin.sub);
    expect(server.requests()).toBe(0);
  });

  it('a kid missing from JWKS_FILE falls back to the remote set', async () => {
    // Prepare
    server.publish([current.publicJwk, next.publicJwk]);
    const authorize = testAuthorizer({ JWKS_URI: server.jwksUri }, { keys: [current.publicJwk] });
    const stranger = await signingKey('nobody');
    // Act
    const result = await authorize(tokenEvent(`Bearer ${await accessToken(next)}`));
    await expectRefused(authorize, `Bearer ${await accessToken(stranger)}`, 'UNKNOWN_KID');
    // Assess
    expect(result.principalId).toBe(admin.sub);
    expect(server.requests()).toBe(1);
  });

  it('JWKS unreachable with no cached key: a fault (500), not Unauthorized', async () => {
    // Prepare: nothing listens on the JWKS port any more
    const authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
    await server.close();
    // Act + Assess
    await expectFault(authorize, `Bearer ${await accessToken(current)}`, 'JWKS_UNAVAILABLE');
    server = await startJwksServer([]);
  });

  it('JWKS answering 503 with no cached key: a fault', async () => {
    // Prepare
    const authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
    server.failWith(503);
    // Act + Assess
    await expectFault(authorize, `Bearer ${await accessToken(current)}`, 'JWKS_UNAVAILABLE');
  });

  it('JWKS not answering within JWKS_TIMEOUT_MS: a fault', async () => {
    // Prepare: a server that accepts the request and never answers
    const silent = createServer(() => {});
    silent.listen(0, '127.0.0.1');
    await once(silent, 'listening');
    const { port } = silent.address() as AddressInfo;
    const authorize = testAuthorizer({
      JWKS_URI: `http://127.0.0.1:${port}/jwks`,
      JWKS_TIMEOUT_MS: '100',
    });
    try {
      // Act + Assess
      await expectFault(authorize, `Bearer ${await accessToken(current)}`, 'JWKS_UNAVAILABLE');
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  });

  it('during an outage, known keys keep working and the JWKS is retried once per cooldown', async () => {
    // Prepare: keys loaded, then the endpoint fails and jose's cache (10 min) goes stale
    const authorize = testAuthorizer({ JWKS_URI: server.jwksUri, JWKS_COOLDOWN_SECONDS: '30' });
    const iat = Math.floor(Date.now() / 1000);
    const token = `Bearer ${await accessToken(current, { ...admin, iat, exp: iat + 3600 })}`;
    await authorize(tokenEvent(token));
    server.failWith(503);
    later(11 * 60);
    // Act
    const first = await authorize(tokenEvent(token));
    const second = await authorize(tokenEvent(token));
    const afterFirstFailure = server.requests();
    later(31);
    const third = await authorize(tokenEvent(token));
    // Assess
    expect([first, second, third].map((result) => result.principalId)).toEqual([
      admin.sub,
      admin.sub,
      admin.sub,
    ]);
    expect(afterFirstFailure).toBe(2);
    expect(server.requests()).toBe(3);
  });
});
