import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api-client';
import { type StackProcess, startStackProcess } from './support/stack-process';
import { bannerApiKey, tokenFor } from './support/tokens';

// The partner usage plan's quota end to end, on a stack started as the README says
// (`PARTNER_QUOTA_LIMIT=3 pnpm start`), here with --memory: the key is then only in the banner.
let stack: StackProcess;
let key: string;
let m2m: string;

beforeAll(async () => {
  stack = await startStackProcess({ environment: { PARTNER_QUOTA_LIMIT: '3' } });
  key = bannerApiKey(stack);
  m2m = await tokenFor(stack, 'm2m');
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

describe('the partner API key with PARTNER_QUOTA_LIMIT=3', () => {
  it('is printed in the banner of a --memory stack, with the call to make with it', () => {
    expect(key).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(stack.output()).toContain(`-H "x-api-key: ${key}" ${stack.partnerApiUrl}/pets`);
  });

  it('makes three calls, then 429 Limit Exceeded; refusals before the key is known do not count', async () => {
    // Prepare: a call without the key and one without a token are refused before the quota.
    const noKey = await call(`${stack.partnerApiUrl}/pets`, { token: m2m });
    const noToken = await call(`${stack.partnerApiUrl}/pets`, { headers: { 'x-api-key': key } });

    // Act
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let index = 0; index < 4; index += 1) {
      last = await call(`${stack.partnerApiUrl}/me`, { token: m2m, headers: { 'x-api-key': key } });
      statuses.push(last.status);
    }

    // Assess: packages/gateway/AWS-BEHAVIOR.md K5 (AWS re:Post Knowledge Center
    // api-gateway-429-limit: a spent quota is 429 "Limit Exceeded").
    expect([noKey.status, noToken.status]).toEqual([403, 401]);
    expect(statuses).toEqual([200, 200, 200, 429]);
    expect(last?.json).toEqual({ message: 'Limit Exceeded' });
    expect(stack.output()).toMatch(
      /API key PartnerApiApiKey \(\S+\) exceeded quota limit .* Limit: 3 Period: DAY/,
    );
  });

  it('leaves the token API without a quota or a key', async () => {
    const buyer = await tokenFor(stack, 'buyer');
    const replies = [];
    for (let index = 0; index < 4; index += 1)
      replies.push((await call(`${stack.apiUrl}/me`, { token: buyer })).status);
    expect(replies).toEqual([200, 200, 200, 200]);
  });
});
