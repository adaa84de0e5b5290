import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

let now = 0;
let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('throttled', { clock: () => now });
});
afterAll(() => fixture.close());

const statuses = async (path: string, count: number) => {
  const result: number[] = [];
  for (let index = 0; index < count; index++) result.push((await fixture.call(path)).status);
  return result;
};

describe('throttling (AWS-BEHAVIOR.md T1, G5)', () => {
  it('T1: beyond ThrottlingBurstLimit requests get 429 until ThrottlingRateLimit refills the bucket', async () => {
    // Act
    const burst = await statuses('/tight', 3);
    now += 1_000;
    const refilled = await statuses('/tight', 2);

    // Assess
    expect(burst).toEqual([200, 200, 429]);
    expect(refilled).toEqual([200, 429]);
  });

  it('T1: each method has its own bucket, and a ResourcePath setting wins over /*', async () => {
    // Act
    const other = await statuses('/other', 3);
    const roomy = await statuses('/roomy', 6);

    // Assess
    expect(other).toEqual([200, 200, 429]);
    expect(roomy).toEqual([200, 200, 200, 200, 200, 429]);
  });

  it('G5: THROTTLED is a 429 {"message":"Too Many Requests"}', async () => {
    // Prepare
    await statuses('/tight', 3);

    // Act
    const response = await fixture.call('/tight');

    // Assess
    expect(response.status).toBe(429);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('TooManyRequestsException');
    expect(await response.json()).toEqual({ message: 'Too Many Requests' });
  });

  it('serves the implicit API (ServerlessRestApi) with its default stage, Prod', async () => {
    // Prepare
    now += 10_000;

    // Act
    const body = await fixture.echo('/Prod/roomy');

    // Assess
    expect(fixture.gateway.apis[0]?.logicalId).toBe('ServerlessRestApi');
    expect(body.event.path).toBe('/roomy');
    expect(body.event.requestContext.path).toBe('/Prod/roomy');
    expect(body.event.stageVariables).toBeNull();
  });
});
