import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

let now = Date.UTC(2026, 10, 21, 12, 0, 0);
let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('petstore', { clock: () => now });
});
afterAll(() => fixture.close());

const callsWith = async (token: string) =>
  (await fixture.authorizerCalls()).filter(
    (event) => event.authorizationToken === `Bearer ${token}`,
  );

describe('TOKEN authorizer (AWS-BEHAVIOR.md A1-A10)', () => {
  it('A1: the authorizer gets only type, authorizationToken and a methodArn with the concrete path', async () => {
    // Prepare
    const token = 'allow-all.a1';

    // Act
    const response = await fixture.call('/pets/42?x=1', { token });

    // Assess
    expect(response.status).toBe(200);
    const [event] = await callsWith(token);
    expect(Object.keys(event ?? {}).sort()).toEqual(['authorizationToken', 'methodArn', 'type']);
    const apiId = fixture.gateway.apis[0]?.apiId;
    expect(event).toEqual({
      type: 'TOKEN',
      authorizationToken: `Bearer ${token}`,
      methodArn: `arn:aws:execute-api:us-east-1:123456789012:${apiId}/test/GET/pets/42`,
    });
  });

  it('A2: a missing or empty identity header is a 401 without invoking the authorizer', async () => {
    // Prepare
    const before = (await fixture.authorizerCalls()).length;

    // Act
    const missing = await fixture.call('/pets');
    const empty = await fixture.call('/pets', { headers: { Authorization: '' } });

    // Assess
    for (const response of [missing, empty]) {
      expect(response.status).toBe(401);
      expect(response.headers.get('x-amzn-ErrorType')).toBe('UnauthorizedException');
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
    }
    expect((await fixture.authorizerCalls()).length).toBe(before);
    expect(fixture.access.at(-1)?.authorizer).toBe('not-invoked');
  });

  it('A3: a header that does not match the ValidationExpression is a 401 without invoking the authorizer', async () => {
    // Prepare
    const before = (await fixture.authorizerCalls()).length;

    // Act
    const basic = await fixture.call('/pets', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } });
    const trailing = await fixture.call('/pets', {
      headers: { Authorization: 'Bearer allow-all.a3 extra' },
    });

    // Assess
    expect(basic.status).toBe(401);
    expect(trailing.status).toBe(401);
    expect((await fixture.authorizerCalls()).length).toBe(before);
  });

  it('A4: the error "Unauthorized" is a 401; any other error is a 500 AuthorizerConfigurationException with a null message', async () => {
    // Act
    const unauthorized = await fixture.call('/pets', { token: 'unauthorized.a4' });
    const failed = await fixture.call('/pets', { token: 'other-error.a4' });

    // Assess
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({ message: 'Unauthorized' });
    expect(failed.status).toBe(500);
    expect(failed.headers.get('x-amzn-ErrorType')).toBe('AuthorizerConfigurationException');
    expect(await failed.json()).toEqual({ message: null });
    expect(fixture.messages.join('\n')).toContain('the key set cannot be fetched');
    expect(fixture.messages.join('\n')).not.toContain('other-error.a4');
  });

  it('A4: an authorizer that times out is a 500 AuthorizerConfigurationException', async () => {
    // Act
    const response = await fixture.call('/pets', { token: 'slow.a4' });

    // Assess
    expect(response.status).toBe(500);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('AuthorizerConfigurationException');
  });

  it('A5: a result without a valid policy (missing, or an Effect other than Allow/Deny) is a 500', async () => {
    // Act
    const noPolicy = await fixture.call('/pets', { token: 'no-policy.a5' });
    const badEffect = await fixture.call('/pets', { token: 'bad-effect.a5' });

    // Assess
    expect(noPolicy.status).toBe(500);
    expect(badEffect.status).toBe(500);
    expect(noPolicy.headers.get('x-amzn-ErrorType')).toBe('AuthorizerConfigurationException');
  });

  it('A5: a statement Resource may be a list of ARNs', async () => {
    // Act
    const list = await fixture.call('/pets', { token: 'allow-list.a5' });
    const item = await fixture.call('/pets/7', { token: 'allow-list.a5' });

    // Assess
    expect(list.status).toBe(200);
    expect(item.status).toBe(200);
  });

  it('A6: an object in the context is a 500; numbers and booleans reach the backend as strings', async () => {
    // Act
    const object = await fixture.call('/pets', { token: 'object-context.a6' });
    const scalars = await fixture.echo('/pets', { token: 'allow-all.a6' });

    // Assess
    expect(object.status).toBe(500);
    expect(object.headers.get('x-amzn-ErrorType')).toBe('AuthorizerConfigurationException');
    expect(scalars.event.requestContext.authorizer).toMatchObject({ level: '3', verified: 'true' });
  });

  it('A7: an explicit Deny wins over an Allow (403 with "explicit deny"); an unmatched method is an implicit deny', async () => {
    // Act
    const allowed = await fixture.call('/pets/7', { token: 'deny-delete.a7' });
    const explicit = await fixture.call('/pets/7', { token: 'deny-delete.a7', method: 'DELETE' });
    const implicit = await fixture.call('/pets/7', { token: 'allow-list.a7', method: 'DELETE' });

    // Assess
    expect(allowed.status).toBe(200);
    expect(explicit.status).toBe(403);
    expect(explicit.headers.get('x-amzn-ErrorType')).toBe('AccessDeniedException');
    expect(await explicit.json()).toEqual({
      Message: 'User is not authorized to access this resource with an explicit deny',
    });
    expect(implicit.status).toBe(403);
    expect(implicit.headers.get('x-amzn-ErrorType')).toBe('AccessDeniedException');
    expect(await implicit.json()).toEqual({
      Message: 'User is not authorized to access this resource',
    });
  });

  it('A8: `*` spans several path segments and `?` exactly one character, over the whole ARN', async () => {
    // Act
    const deep = await fixture.call('/pets/7', { token: 'allow-all.a8', method: 'DELETE' });
    const oneChar = await fixture.call('/pets/7', { token: 'allow-list.a8' });
    const twoChars = await fixture.call('/pets/77', { token: 'allow-list.a8' });

    // Assess
    expect(deep.status).toBe(200);
    expect(oneChar.status).toBe(200);
    expect(twoChars.status).toBe(403);
  });

  it('A9: a cached policy is reused for every route, so a policy for the first methodArn only denies the next route', async () => {
    // Prepare
    const token = 'only-called.a9';

    // Act
    const first = await fixture.call('/pets', { token });
    const second = await fixture.call('/pets/7', { token });
    const again = await fixture.call('/pets', { token });

    // Assess
    expect(first.status).toBe(200);
    expect(second.status).toBe(403);
    expect(again.status).toBe(200);
    expect(await callsWith(token)).toHaveLength(1);
    expect(fixture.access.slice(-3).map((entry) => entry.authorizer)).toEqual([
      'miss',
      'hit',
      'hit',
    ]);
  });

  it('A9: the cached result (context included) lasts ReauthorizeEvery seconds, then the authorizer runs again', async () => {
    // Prepare
    const token = 'allow-all.a9-ttl';

    // Act
    const first = await fixture.echo('/pets', { token });
    now += 299_000;
    const cached = await fixture.echo('/pets/1', { token });
    now += 2_000;
    const renewed = await fixture.echo('/pets/2', { token });

    // Assess
    const invocation = (body: typeof first) => body.event.requestContext.authorizer.invocations;
    expect(invocation(cached)).toBe(invocation(first));
    expect(invocation(renewed)).not.toBe(invocation(first));
    expect(await callsWith(token)).toHaveLength(2);
  });

  it('A10: requestContext.authorizer holds principalId and every context key as strings', async () => {
    // Act
    const body = await fixture.echo('/pets', { token: 'allow-all.a10' });

    // Assess
    const authorizer = body.event.requestContext.authorizer;
    expect(authorizer).toMatchObject({
      principalId: 'user-1',
      role: 'admin',
      level: '3',
      verified: 'true',
    });
    const { integrationLatency, ...strings } = authorizer;
    expect(typeof integrationLatency).toBe('number');
    expect(Object.values(strings).every((value) => typeof value === 'string')).toBe(true);
  });
});

describe('A9 with ReauthorizeEvery: 0', () => {
  let uncached: FixtureGateway;
  beforeAll(async () => {
    uncached = await startFixture('petstore', { parameters: { CacheSeconds: '0' } });
  });
  afterAll(() => uncached.close());

  it('A9: a TTL of 0 turns the cache off: the authorizer runs for every request', async () => {
    // Act
    const first = await uncached.call('/pets', { token: 'only-called.ttl0' });
    const second = await uncached.call('/pets/7', { token: 'only-called.ttl0' });

    // Assess
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(uncached.access.map((entry) => entry.authorizer)).toEqual(['miss', 'miss']);
  });
});
