import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('esbuild');
});
afterAll(() => fixture.close());

describe('esbuild Metadata', () => {
  it('builds a TypeScript function with esbuild (BuildMethod: esbuild) and serves it', async () => {
    // Act
    const response = await fixture.call('/hello/rex');

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('hello rex');
  });
});
