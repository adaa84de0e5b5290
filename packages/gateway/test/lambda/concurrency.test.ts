import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('concurrency', { maxConcurrency: 3 });
});
afterAll(() => fixture.close());

describe('concurrency', () => {
  it('F13, F15: serves many parallel requests across functions: none lost, each pool bounded, calls past ReservedConcurrentExecutions throttled', async () => {
    // Prepare
    const paths = Array.from(
      { length: 60 },
      (_, index) => `/${index % 2 ? 'a' : 'b'}?ms=40&n=${index}`,
    );

    // Act
    const responses = await Promise.all(paths.map((path) => fixture.call(path)));
    const answers = await Promise.all(
      responses.map(async (response, index) => ({
        path: paths[index]?.split('?')[0],
        status: response.status,
        body: await response.text(),
      })),
    );

    // Assess
    const served = (path: string) =>
      answers
        .filter((answer) => answer.path === path && answer.status === 200)
        .map((answer) => JSON.parse(answer.body) as { threadId: number; path: string });
    // SlowA has no reserved concurrency: every call is served, 3 environments at most.
    expect(served('/a')).toHaveLength(30);
    expect(new Set(served('/a').map((body) => body.threadId)).size).toBeLessThanOrEqual(3);
    // SlowB reserves 2: a call while 2 run is throttled by Lambda, which API Gateway answers
    // 500 (AWS Lambda guide "Handling Lambda errors with an API Gateway API").
    const throttled = answers.filter((answer) => answer.path === '/b' && answer.status !== 200);
    expect(served('/b').length).toBeGreaterThanOrEqual(2);
    expect(served('/b').length + throttled.length).toBe(30);
    expect(new Set(served('/b').map((body) => body.threadId)).size).toBeLessThanOrEqual(2);
    expect(new Set(throttled.map((answer) => `${answer.status} ${answer.body}`))).toEqual(
      new Set(throttled.length > 0 ? ['500 {"message": "Internal server error"}'] : []),
    );
    expect(fixture.gateway.poolStats('SlowA')).toMatchObject({ maxSize: 3, peakSize: 3 });
    expect(fixture.gateway.poolStats('SlowB')).toMatchObject({ maxSize: 2, peakSize: 2 });
    expect(fixture.access).toHaveLength(60);
  });

  it('does not serialise calls behind a slow one: a second environment serves in parallel', async () => {
    // Prepare
    let slowDone = false;

    // Act
    const slow = fixture.call('/a?ms=1500').then((response) => {
      slowDone = true;
      return response;
    });
    const quick = await fixture.call('/a?ms=1');
    const quickBeforeSlow = !slowDone;

    // Assess
    expect(quick.status).toBe(200);
    expect(quickBeforeSlow).toBe(true);
    expect((await slow).status).toBe(200);
  });
});
