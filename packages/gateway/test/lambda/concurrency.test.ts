import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('concurrency', { maxConcurrency: 3 });
});
afterAll(() => fixture.close());

describe('concurrency', () => {
  it('serves many parallel requests across functions: all complete, none lost, each pool bounded', async () => {
    // Prepare
    const paths = Array.from(
      { length: 60 },
      (_, index) => `/${index % 2 ? 'a' : 'b'}?ms=40&n=${index}`,
    );

    // Act
    const responses = await Promise.all(paths.map((path) => fixture.call(path)));
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as {
      threadId: number;
      path: string;
    }[];

    // Assess
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(bodies.map((body) => body.path).sort()).toEqual(
      paths.map((path) => path.split('?')[0]).sort(),
    );
    const threads = (path: string) =>
      new Set(bodies.filter((body) => body.path === path).map((body) => body.threadId));
    expect(threads('/a').size).toBeLessThanOrEqual(3);
    expect(threads('/b').size).toBeLessThanOrEqual(2);
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
