import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectRefused, testAuthorizer, tokenEvent } from '../support/authorizer';
import { type JwksServer, startJwksServer } from '../support/jwks-server';
import { type SigningKey, signingKey } from '../support/keys';
import { accessToken, admin } from '../support/tokens';

// Fault suite on real parts: a real JWKS endpoint on 127.0.0.1 that is stopped (connections
// refused) or hung (requests never answered), and brought back. Only `Date` is faked, to move
// past jose's 10-minute key cache and the cooldown without waiting.
describe('the JWKS endpoint goes down, then comes back', () => {
  let known: SigningKey;
  let rotated: SigningKey;
  let server: JwksServer;
  const timeoutMs = 2000;

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    [known, rotated] = await Promise.all([signingKey('down-known'), signingKey('down-rotated')]);
    server = await startJwksServer([known.publicJwk]);
  });
  afterEach(async () => {
    vi.useRealTimers();
    await server.close();
  });
  const later = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);
  const bearer = async (key: SigningKey) => {
    const iat = Math.floor(Date.now() / 1000);
    return `Bearer ${await accessToken(key, { ...admin, iat, exp: iat + 3600 })}`;
  };
  const wired = () =>
    testAuthorizer({
      JWKS_URI: server.jwksUri,
      JWKS_COOLDOWN_SECONDS: '30',
      JWKS_TIMEOUT_MS: String(timeoutMs),
    });

  it('stopped: known keys keep working, an unknown kid is a 401, the rotated key works once it is back', async () => {
    // Prepare: keys loaded, then the endpoint stops and jose's cache goes stale
    const authorize = wired();
    await authorize(tokenEvent(await bearer(known)));
    await server.stop();
    later(11 * 60);
    // Act + Assess: during the outage
    expect((await authorize(tokenEvent(await bearer(known)))).principalId).toBe(admin.sub);
    for (let attempt = 0; attempt < 3; attempt++) {
      await expectRefused(authorize, await bearer(rotated), 'UNKNOWN_KID_JWKS_UNAVAILABLE');
    }
    expect((await authorize(tokenEvent(await bearer(known)))).principalId).toBe(admin.sub);
    // Act + Assess: the provider is back, with a new key
    server.publish([known.publicJwk, rotated.publicJwk]);
    await server.resume();
    later(31);
    expect((await authorize(tokenEvent(await bearer(rotated)))).principalId).toBe(admin.sub);
    expect((await authorize(tokenEvent(await bearer(known)))).principalId).toBe(admin.sub);
  });

  it('hung: after one request waits for the timeout, unknown kids are refused without touching the network', async () => {
    // Prepare
    const authorize = wired();
    await authorize(tokenEvent(await bearer(known)));
    server.hang();
    later(11 * 60);
    expect((await authorize(tokenEvent(await bearer(known)))).principalId).toBe(admin.sub);
    const fetchesDuringOutage = server.requests();
    // Act: ten unknown-kid tokens within the cooldown
    const started = performance.now();
    for (let attempt = 0; attempt < 10; attempt++) {
      await expectRefused(authorize, await bearer(rotated), 'UNKNOWN_KID_JWKS_UNAVAILABLE');
    }
    const elapsedMs = performance.now() - started;
    // Assess: none waited for the endpoint (ten timeouts would be 20 s)
    expect(server.requests()).toBe(fetchesDuringOutage);
    expect(elapsedMs).toBeLessThan(timeoutMs);
    // Act + Assess: recovery
    server.answer();
    server.publish([known.publicJwk, rotated.publicJwk]);
    later(31);
    expect((await authorize(tokenEvent(await bearer(rotated)))).principalId).toBe(admin.sub);
  });

  it('an unknown kid while the JWKS is down is logged as such, with the fetch failure', async () => {
    // Prepare
    const authorize = wired();
    await authorize(tokenEvent(await bearer(known)));
    await server.stop();
    later(31);
    // Act
    await expectRefused(authorize, await bearer(rotated), 'UNKNOWN_KID_JWKS_UNAVAILABLE');
    // Assess
    const [, , details] = authorize.log.entries.at(-1) ?? [];
    expect((details as { detail: string }).detail).toMatch(/fetch failed|ECONNREFUSED/);
  });

  it('with JWKS_FILE, a cold start during an outage: the file’s keys work, an unknown kid is a 401', async () => {
    // Prepare
    await server.stop();
    const authorize = testAuthorizer(
      { JWKS_URI: server.jwksUri, JWKS_COOLDOWN_SECONDS: '30' },
      { keys: [known.publicJwk] },
    );
    // Act + Assess
    expect((await authorize(tokenEvent(await bearer(known)))).principalId).toBe(admin.sub);
    await expectRefused(authorize, await bearer(rotated), 'UNKNOWN_KID_JWKS_UNAVAILABLE');
  });
});
