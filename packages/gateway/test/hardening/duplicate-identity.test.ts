import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../support/raw-http';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('petstore');
});
afterAll(() => fixture.close());

describe('a TOKEN route given its identity header twice', () => {
  it.each([
    ['two different tokens', ['Bearer deny-delete.first', 'Bearer allow-all.second']],
    ['the same token twice', ['Bearer allow-all.twice', 'Bearer allow-all.twice']],
    ['a valid token and an empty value', ['Bearer allow-all.empty', '']],
  ])('%s: 401 Unauthorized, the authorizer is not invoked', async (_case, values) => {
    // Prepare
    const before = (await fixture.authorizerCalls()).length;

    // Act
    const response = await exchange(fixture.gateway.port, {
      method: 'GET',
      target: '/pets',
      headers: values.map((value, index) => [
        index === 0 ? 'Authorization' : 'authorization',
        value,
      ]),
    });

    // Assess
    expect(response.status).toBe(401);
    expect(JSON.parse(response.text)).toEqual({ message: 'Unauthorized' });
    expect(await fixture.authorizerCalls()).toHaveLength(before);
    expect(fixture.access.at(-1)).toMatchObject({
      authorizer: 'not-invoked',
      error: 'UNAUTHORIZED',
    });
  });

  it('one identity header still reaches the function', async () => {
    // Act
    const response = await exchange(fixture.gateway.port, {
      method: 'GET',
      target: '/pets',
      headers: [['Authorization', 'Bearer allow-all.once']],
    });

    // Assess
    expect(response.status).toBe(200);
  });
});
