import { setTimeout as wallClock } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { template } from './support/template';
import { startTokenApi, type TokenApi } from './support/token-api';

// The authorizer cache window, measured on the template as deployed: the gateway emulator
// serves PetsApi with the real authorizer bundle and caches its answers for the template's
// ReauthorizeEvery, as API Gateway does (AWS-BEHAVIOR A9). The gateway's clock is injected;
// the authorizer's is the real one, so the token really expires before it is used again.
// Needs the authorizer and the API functions built (turbo does it).

const auth = template.Resources.PetsApi?.Properties?.Auth as
  | { Authorizers: Record<string, { Identity: { ReauthorizeEvery: number } }> }
  | undefined;
const reauthorizeEvery = auth?.Authorizers.TokenAuthorizer?.Identity.ReauthorizeEvery ?? Number.NaN;

describe('the authorizer cache window (ReauthorizeEvery), on the gateway', () => {
  let api: TokenApi;
  let now = Date.now();
  const seconds = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    // No clock tolerance: the token is expired at its `exp` to the second.
    api = await startTokenApi({
      clock: () => now,
      authorizerEnvironment: { CLOCK_TOLERANCE_SECONDS: '0' },
    });
  });
  afterAll(() => api?.close());

  it('is 300 s: a token is served from the cache after its exp until the window ends, then refused', async () => {
    expect(reauthorizeEvery).toBe(300);
    // Prepare: the authorizer is warm (its cold start is not part of the window)
    const warm = `Bearer ${api.accessToken({ iat: seconds(), exp: seconds() + 600 })}`;
    expect(await api.call('/me', warm)).toEqual({ status: 200, authorizer: 'miss' });
    const iat = seconds();
    const token = `Bearer ${api.accessToken({ iat, exp: iat + 2 })}`;
    const authorizedAt = now;
    expect(await api.call('/me', token)).toEqual({ status: 200, authorizer: 'miss' });

    // Act: wait (real time) until the token has expired for the authorizer
    await wallClock(Math.max(0, (iat + 2) * 1000 - Date.now()) + 50);
    now = authorizedAt + reauthorizeEvery * 1000 - 1;
    const lastCachedMoment = await api.call('/me', token);
    now = authorizedAt + reauthorizeEvery * 1000;
    const windowOver = await api.call('/me', token);

    // Assess
    expect(seconds()).toBeGreaterThanOrEqual(iat + 2);
    expect(lastCachedMoment).toEqual({ status: 200, authorizer: 'hit' });
    expect(windowOver).toEqual({ status: 401, authorizer: 'miss' });
  });
});
