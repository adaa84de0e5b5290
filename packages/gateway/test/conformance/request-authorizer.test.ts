import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../support/raw-http';
import { anonymousIdentity } from '../support/recorded-identity';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

// Sources, named in each test and in AWS-BEHAVIOR.md R1-R7:
// - DOC-INPUT: AWS API Gateway developer guide, "Input to an API Gateway Lambda authorizer".
// - CAPTURE: the REQUEST authorizer event of a deployed REST API, captured in
//   aws-powertools/powertools-lambda-typescript issue 2624 (also powertools-lambda-python issue 4536).
// - IDENTITY-SOURCE: API Gateway API reference, Authorizer `identitySource` (REQUEST: "required when
//   authorization caching is enabled"; all sources "present, not null and non-empty", else 401
//   without calling the Lambda function; "When the authorization caching is not enabled, this
//   property is optional").

let now = Date.UTC(2026, 10, 21, 12, 0, 0);
let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('request-authorizer', { clock: () => now });
});
afterAll(() => fixture.close());

interface RequestEvent {
  readonly headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: the event is checked field by field
  readonly [field: string]: any;
}

/** The REQUEST events the fixture authorizer got with this X-Api-Token value. */
const callsWith = async (token: string): Promise<RequestEvent[]> =>
  ((await fixture.authorizerCalls()) as unknown as RequestEvent[]).filter(
    (event) => event.headers['X-Api-Token'] === token || event.headers['x-api-token'] === token,
  );

/** A response's status and how the authorizer served it (the access log's latest entry). */
const outcome = (response: Response) => [response.status, fixture.access.at(-1)?.authorizer];

const withToken = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { 'X-Api-Token': token, ...init.headers },
});

describe('REQUEST authorizer event (AWS-BEHAVIOR.md R2)', () => {
  it('R2: the event has the request fields of a proxy event plus type and methodArn, and nothing else', async () => {
    // Prepare
    const token = 'allow-all.r2';

    // Act
    const response = await fixture.call('/test/pets/7?tenant=acme', withToken(token));

    // Assess
    expect(response.status).toBe(200);
    const backend = (await response.json()) as { event: RequestEvent };
    const [event] = await callsWith(token);
    // CAPTURE: these twelve fields; no body, no isBase64Encoded.
    expect(Object.keys(event ?? {}).sort()).toEqual([
      'headers',
      'httpMethod',
      'methodArn',
      'multiValueHeaders',
      'multiValueQueryStringParameters',
      'path',
      'pathParameters',
      'queryStringParameters',
      'requestContext',
      'resource',
      'stageVariables',
      'type',
    ]);
    const apiId = fixture.gateway.apis[0]?.apiId;
    // DOC-INPUT: the methodArn has the concrete path (as TOKEN's, A1); resource is the template.
    expect(event).toMatchObject({
      type: 'REQUEST',
      methodArn: `arn:aws:execute-api:us-east-1:123456789012:${apiId}/test/GET/pets/7`,
      resource: '/pets/{petId}',
      path: '/pets/7',
      httpMethod: 'GET',
      queryStringParameters: { tenant: 'acme' },
      multiValueQueryStringParameters: { tenant: ['acme'] },
      pathParameters: { petId: '7' },
      stageVariables: { tenantDirectory: 'local' },
    });
    expect(event?.headers['X-Api-Token']).toBe(token);
    expect(event?.multiValueHeaders['X-Api-Token']).toEqual([token]);
    // The same request: the headers the integration gets, the same request id.
    expect(event?.headers).toEqual(backend.event.headers);
    expect(event?.requestContext.requestId).toBe(backend.event.requestContext.requestId);
  });

  it('R2: requestContext has what the capture has (deploymentId too), no authorizer, no null API key fields', async () => {
    // Prepare
    const token = 'allow-all.r2-context';

    // Act
    await fixture.call('/test/pets?tenant=acme', withToken(token));

    // Assess
    const [event] = await callsWith(token);
    const context = event?.requestContext;
    // CAPTURE: requestContext's fields, each of them (requestContext.path carries the stage, as
    // "/prod/lambda-request" there); identity without apiKey, apiKeyId or clientCert when there is none.
    expect(context).toEqual({
      accountId: '123456789012',
      apiId: fixture.gateway.apis[0]?.apiId,
      deploymentId: expect.stringMatching(/^[a-z0-9]{6}$/),
      domainName: `127.0.0.1:${fixture.gateway.port}`,
      domainPrefix: '127',
      extendedRequestId: expect.any(String),
      httpMethod: 'GET',
      identity: anonymousIdentity(expect.any(String)),
      path: '/test/pets',
      protocol: 'HTTP/1.1',
      requestId: expect.any(String),
      requestTime: expect.stringMatching(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/),
      requestTimeEpoch: now,
      resourceId: expect.stringMatching(/^[0-9a-f]{6}$/),
      resourcePath: '/pets',
      stage: 'test',
    });
  });

  it('R2: empty maps are {} in the authorizer event, where the proxy event has null (L1)', async () => {
    // Act
    const response = await fixture.call('/open-door');

    // Assess
    expect(response.status).toBe(200);
    const backend = (await response.json()) as { event: RequestEvent };
    const event = (await fixture.authorizerCalls()).at(-1) as unknown as RequestEvent;
    // CAPTURE: "queryStringParameters": {}, "multiValueQueryStringParameters": {},
    // "pathParameters": {} for a request without query or path parameters.
    expect(event.queryStringParameters).toEqual({});
    expect(event.multiValueQueryStringParameters).toEqual({});
    expect(event.pathParameters).toEqual({});
    expect(backend.event.queryStringParameters).toBeNull();
    expect(backend.event.pathParameters).toBeNull();
  });
});

describe('REQUEST authorizer identity sources (AWS-BEHAVIOR.md R3, R4)', () => {
  it('R3: any identity source missing or empty is a 401 without invoking the authorizer', async () => {
    // Prepare
    const before = (await fixture.authorizerCalls()).length;

    // Act
    const responses = [
      await fixture.call('/pets?tenant=acme'), // no header
      await fixture.call('/pets', withToken('allow-all.r3')), // no query string
      await fixture.call('/pets?tenant=', withToken('allow-all.r3')), // empty query string
      await fixture.call('/pets?tenant=acme', withToken('')), // empty header
      await fixture.call('/undefined-variable', withToken('allow-all.r3')), // no such stage variable
    ];

    // Assess
    // IDENTITY-SOURCE: "present, not null and non-empty", else 401 Unauthorized.
    for (const response of responses) {
      expect(response.status).toBe(401);
      expect(response.headers.get('x-amzn-ErrorType')).toBe('UnauthorizedException');
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
    }
    expect((await fixture.authorizerCalls()).length).toBe(before);
    expect(fixture.access.slice(-5).every((entry) => entry.authorizer === 'not-invoked')).toBe(
      true,
    );
    expect(fixture.messages.join('\n')).toContain(
      'method.request.querystring.tenant is missing or empty',
    );
  });

  it('R3: a header identity source is found whatever the case of its name', async () => {
    // Act
    const response = await fixture.call('/pets?tenant=acme', {
      headers: { 'x-api-token': 'allow-all.r3-case' },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(await callsWith('allow-all.r3-case')).toHaveLength(1);
  });

  it('R3: an identity header or query string given twice is a 401 without invoking the authorizer (unconfirmed: the stricter reading)', async () => {
    // Prepare
    const before = (await fixture.authorizerCalls()).length;

    // Act
    const twoHeaders = await exchange(fixture.gateway.port, {
      method: 'GET',
      target: '/pets?tenant=acme',
      headers: [
        ['X-Api-Token', 'allow-all.r3-twice'],
        ['x-api-token', 'allow-all.r3-twice'],
      ],
    });
    const twoQueries = await exchange(fixture.gateway.port, {
      method: 'GET',
      target: '/pets?tenant=acme&tenant=other',
      headers: [['X-Api-Token', 'allow-all.r3-twice']],
    });

    // Assess
    expect(twoHeaders.status).toBe(401);
    expect(twoQueries.status).toBe(401);
    expect((await fixture.authorizerCalls()).length).toBe(before);
    expect(fixture.messages.join('\n')).toContain(
      'method.request.querystring.tenant sent 2 times: refused',
    );
  });

  it('R4: with caching off and no identity source, the authorizer runs for every request', async () => {
    // Prepare
    const before = (await fixture.authorizerCalls()).length;

    // Act
    const first = await fixture.call('/open-door');
    const second = await fixture.call('/open-door');

    // Assess
    // IDENTITY-SOURCE: optional when caching is off; nothing is checked before the call.
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect((await fixture.authorizerCalls()).length).toBe(before + 2);
    expect(fixture.access.slice(-2).map((entry) => entry.authorizer)).toEqual(['miss', 'miss']);
  });

  it('R4: with caching off, an identity source given is still required (unconfirmed: the stricter reading), and nothing is cached', async () => {
    // Prepare
    const token = 'allow-all.r4';

    // Act
    const outcomes = [
      outcome(await fixture.call('/uncached')),
      outcome(await fixture.call('/uncached', withToken(token))),
      outcome(await fixture.call('/uncached', withToken(token))),
    ];

    // Assess
    expect(outcomes).toEqual([
      [401, 'not-invoked'],
      [200, 'miss'],
      [200, 'miss'],
    ]);
    expect(await callsWith(token)).toHaveLength(2);
  });
});

describe('REQUEST authorizer cache (AWS-BEHAVIOR.md R5)', () => {
  it('R5: one result per set of identity values serves every method and path, so a policy for the first methodArn denies the next route', async () => {
    // Prepare
    const token = 'only-called.r5';

    // Act: the same identity on another path, then with its header named in another case.
    const outcomes = [
      outcome(await fixture.call('/pets?tenant=acme', withToken(token))),
      outcome(await fixture.call('/pets/7?tenant=acme', withToken(token))),
      outcome(await fixture.call('/pets?tenant=acme', { headers: { 'x-api-token': token } })),
    ];

    // Assess
    // As for TOKEN (A9): the cached policy is evaluated against each request's methodArn.
    expect(outcomes).toEqual([
      [200, 'miss'],
      [403, 'hit'],
      [200, 'hit'],
    ]);
    expect(await callsWith(token)).toHaveLength(1);
  });

  it('R5: another value of any one identity source is another cache entry', async () => {
    // Prepare
    const token = 'allow-all.r5-key';

    // Act
    await fixture.call('/pets?tenant=acme', withToken(token));
    const otherTenant = await fixture.echo('/pets?tenant=globex', withToken(token));

    // Assess
    expect(otherTenant.event.requestContext.authorizer.tenant).toBe('globex');
    expect(await callsWith(token)).toHaveLength(2);
  });

  it('R5: a Context source is part of the cache key: another User-Agent is another entry, the same one a hit', async () => {
    // Prepare: the authorizer's sources include Context [identity.sourceIp, identity.userAgent].
    const token = 'allow-all.r5-context';
    const as = (userAgent: string) => withToken(token, { headers: { 'User-Agent': userAgent } });

    // Act
    await fixture.call('/pets?tenant=acme', as('curl/8.5.0'));
    await fixture.call('/pets/1?tenant=acme', as('curl/8.5.0'));
    await fixture.call('/pets?tenant=acme', as('Mozilla/5.0'));

    // Assess
    const calls = await callsWith(token);
    expect(calls.map((call) => call.requestContext.identity.userAgent)).toEqual([
      'curl/8.5.0',
      'Mozilla/5.0',
    ]);
  });

  it('R5: the cached result (context included) lasts ReauthorizeEvery seconds, then the authorizer runs again', async () => {
    // Prepare
    const token = 'allow-all.r5-ttl';
    const seen: string[] = [];

    // Act: at 0 s, 299 s and 301 s, each time another path.
    for (const [advanceMs, petId] of [
      [0, 1],
      [299_000, 2],
      [2_000, 3],
    ] as const) {
      now += advanceMs;
      const body = await fixture.echo(`/pets/${petId}?tenant=acme`, withToken(token));
      seen.push(body.event.requestContext.authorizer.invocations);
    }

    // Assess
    // ReauthorizeEvery: 300 (the default, SAM developer guide), as for TOKEN (A9).
    expect(fixture.access.slice(-3).map((entry) => entry.authorizer)).toEqual([
      'miss',
      'hit',
      'miss',
    ]);
    expect(seen[1]).toBe(seen[0]);
    expect(seen[2]).not.toBe(seen[0]);
  });
});

describe('REQUEST authorizer results (AWS-BEHAVIOR.md R6, R7)', () => {
  it('R6: the error "Unauthorized" is a 401; any other error is a 500 AuthorizerConfigurationException, its cause only in the log', async () => {
    // Act
    const unauthorized = await fixture.call('/pets?tenant=acme', withToken('unauthorized.r6'));
    const failed = await fixture.call('/pets?tenant=acme', withToken('other-error.r6'));

    // Assess
    // As for TOKEN (A4).
    expect(unauthorized.status).toBe(401);
    expect(await unauthorized.json()).toEqual({ message: 'Unauthorized' });
    expect(failed.status).toBe(500);
    expect(failed.headers.get('x-amzn-ErrorType')).toBe('AuthorizerConfigurationException');
    expect(await failed.json()).toEqual({ message: null });
    const log = fixture.messages.join('\n');
    expect(log).toContain('the tenant directory is down');
    expect(log).not.toContain('other-error.r6');
  });

  it('R6: an object in the context is a 500; an explicit Deny is a 403 with "explicit deny"', async () => {
    // Act
    const object = await fixture.call('/pets?tenant=acme', withToken('object-context.r6'));
    const denied = await fixture.call('/pets/7?tenant=acme', {
      ...withToken('deny-delete.r6'),
      method: 'DELETE',
    });

    // Assess
    // As for TOKEN (A6, A7).
    expect(object.status).toBe(500);
    expect(object.headers.get('x-amzn-ErrorType')).toBe('AuthorizerConfigurationException');
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({
      Message: 'User is not authorized to access this resource with an explicit deny',
    });
  });

  it('R7: requestContext.authorizer of the backend holds principalId and the context as strings; usageIdentifierKey is accepted', async () => {
    // Act
    const body = await fixture.echo('/pets?tenant=acme', withToken('allow-all.r7'));

    // Assess
    // As for TOKEN (A5, A10).
    const { integrationLatency, ...strings } = body.event.requestContext.authorizer;
    expect(strings).toMatchObject({ principalId: 'tenant-user', tenant: 'acme', level: '2' });
    expect(Object.values(strings).every((value) => typeof value === 'string')).toBe(true);
    expect(typeof integrationLatency).toBe('number');
  });
});
