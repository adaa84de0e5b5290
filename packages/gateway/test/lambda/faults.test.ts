import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

// A handler that crashes, hangs or exhausts its memory fails its own request the way API
// Gateway answers a failed Lambda proxy integration (502, or 504 past the integration timeout);
// a concurrent request to another function and the next request to the same one succeed.
let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('faults', { integrationTimeoutMs: 2_000 });
});
afterAll(() => fixture.close());

const internalError = { message: 'Internal server error' };

describe('handler faults', () => {
  it('a handler that exhausts its MemorySize is a 502; the log says so; the next call gets a fresh environment', async () => {
    // Prepare
    const logged = fixture.nextMessage(/HungryFunction.*Runtime\.OutOfMemory/);

    // Act
    const exhausted = await fixture.call('/hungry/everything');
    const next = await fixture.call('/hungry/little');

    // Assess
    expect(exhausted.status).toBe(502);
    expect(await exhausted.json()).toEqual(internalError);
    expect(await logged).toMatch(/MemorySize \(128 MB\)/);
    expect(next.status).toBe(200);
    expect(await next.text()).toBe('fed');
  });

  it('a handler that hangs past the integration timeout is a 504; the next call to it is served by another environment', async () => {
    // Act
    const hung = await fixture.call('/behaviors/function-timeout');
    const next = await fixture.call('/behaviors/ok');

    // Assess
    expect(hung.status).toBe(504);
    expect(await hung.json()).toEqual({ message: 'Endpoint request timed out' });
    expect(next.status).toBe(201);
  });

  it('while one function exhausts its memory and another hangs and crashes, a concurrent call to a third succeeds first', async () => {
    // Prepare
    const order: string[] = [];
    const track = (name: string, path: string) =>
      fixture.call(path).then(async (response) => {
        order.push(name);
        return { name, status: response.status, text: await response.text() };
      });

    // Act
    const results = await Promise.all([
      track('memory', '/hungry/everything'),
      track('hang', '/behaviors/function-timeout'),
      track('crash', '/behaviors/exit'),
      track('echo', '/echo'),
    ]);

    // Assess
    const byName = new Map(results.map((result) => [result.name, result]));
    expect(byName.get('memory')?.status).toBe(502);
    expect(byName.get('hang')?.status).toBe(504);
    expect(byName.get('crash')?.status).toBe(502);
    expect(byName.get('echo')?.status).toBe(200);
    expect(order.indexOf('echo')).toBeLessThan(order.indexOf('hang'));
    for (const { text } of results) expect(text).not.toMatch(/\bat .*:\d+:\d+/);
  });
});
