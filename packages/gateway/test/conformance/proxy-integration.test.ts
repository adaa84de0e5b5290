import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawGet } from '../support/raw-request';
import { type EchoBody, type FixtureGateway, startFixture } from '../support/start-fixture';

let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('petstore');
});
afterAll(() => fixture.close());

const internalError = { message: 'Internal server error' };

describe('Lambda proxy integration (AWS-BEHAVIOR.md L1-L6)', () => {
  it('L1: the event has the route template as resource, the concrete path, and multi-value headers and query', async () => {
    // Prepare
    const headers = { 'X-Custom': 'value' };

    // Act
    const { event } = await fixture.echo('/pets/a%20b?type=dog&type=cat&q=x%26y', {
      token: 'allow-all.l1',
      method: 'GET',
      headers,
    });

    // Assess
    expect(event.resource).toBe('/pets/{petId}');
    expect(event.path).toBe('/pets/a%20b');
    expect(event.httpMethod).toBe('GET');
    // Still percent-encoded, as in `path` (Q1).
    expect(event.pathParameters).toEqual({ petId: 'a%20b' });
    expect(event.queryStringParameters).toEqual({ type: 'cat', q: 'x&y' });
    expect(event.multiValueQueryStringParameters).toEqual({ type: ['dog', 'cat'], q: ['x&y'] });
    expect(event.headers.Authorization).toBe('Bearer allow-all.l1');
    expect(event.headers['X-Custom']).toBe('value');
    expect(event.multiValueHeaders['X-Custom']).toEqual(['value']);
    expect(event.stageVariables).toEqual({ flavour: 'local' });
    expect(event.body).toBeNull();
    expect(event.isBase64Encoded).toBe(false);
  });

  it('L1: a repeated header is in multiValueHeaders in full, and its last value in headers', async () => {
    // Act
    const body = (await rawGet(`${fixture.gateway.url}/public`, {
      'X-Custom': ['first', 'second'],
    })) as EchoBody;

    // Assess
    expect(body.event.multiValueHeaders['X-Custom']).toEqual(['first', 'second']);
    expect(body.event.headers['X-Custom']).toBe('second');
  });

  it('L1: empty query, path parameters and body are null; a body is a string', async () => {
    // Act
    const { event } = await fixture.echo('/public');
    const posted = await fixture.echo('/files/a/b%2Fc', { method: 'PUT', body: '{"name":"Rex"}' });

    // Assess
    expect(event.queryStringParameters).toBeNull();
    expect(event.multiValueQueryStringParameters).toBeNull();
    expect(event.pathParameters).toBeNull();
    expect(event.body).toBeNull();
    expect(posted.event.resource).toBe('/files/{proxy+}');
    expect(posted.event.pathParameters).toEqual({ proxy: 'a/b%2Fc' });
    expect(posted.event.body).toBe('{"name":"Rex"}');
  });

  it('L1: a body of one of the BinaryMediaTypes arrives base64-encoded, with isBase64Encoded', async () => {
    // Prepare
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff]);

    // Act
    const { event } = await fixture.echo('/files/logo.png', {
      method: 'PUT',
      headers: { 'Content-Type': 'image/png' },
      body: png,
    });

    // Assess
    expect(event.isBase64Encoded).toBe(true);
    expect(Buffer.from(event.body, 'base64')).toEqual(png);
  });

  it('L2: requestContext describes the request, with a new requestId each time and requestTimeEpoch in ms', async () => {
    // Prepare
    const before = Date.now();

    // Act
    const first = await fixture.echo('/pets/7', {
      token: 'allow-all.l2',
      headers: { 'User-Agent': 'l2-agent' },
    });
    const second = await fixture.echo('/pets/7', { token: 'allow-all.l2' });
    const staged = await fixture.echo('/test/pets/7', { token: 'allow-all.l2' });

    // Assess
    const context = first.event.requestContext;
    expect(context).toMatchObject({
      accountId: '123456789012',
      apiId: fixture.gateway.apis[0]?.apiId,
      httpMethod: 'GET',
      // Called at the root, as through a custom domain: the path as called, no stage.
      path: '/pets/7',
      protocol: 'HTTP/1.1',
      resourcePath: '/pets/{petId}',
      stage: 'test',
      identity: { sourceIp: '127.0.0.1', userAgent: 'l2-agent', user: null, caller: null },
    });
    expect(context.domainName).toBe(new URL(fixture.gateway.url).host);
    expect(typeof context.extendedRequestId).toBe('string');
    expect(typeof context.resourceId).toBe('string');
    expect(context.requestTime).toMatch(/^\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d \+0000$/);
    expect(context.requestTimeEpoch).toBeGreaterThanOrEqual(before);
    expect(context.requestTimeEpoch).toBeLessThanOrEqual(Date.now());
    expect(second.event.requestContext.requestId).not.toBe(context.requestId);
    // Called on the stage URL, as on execute-api: the stage is part of the path called.
    expect(staged.event.requestContext.path).toBe('/test/pets/7');
    expect(staged.event.path).toBe('/pets/7');
  });

  // A result without statusCode is a 200 on AWS (P2, test/conformance/recorded/proxy-response-contract.test.ts).
  it.each([
    ['object-body', 'a body that is not a string'],
    ['extra-field', 'a field the contract does not have'],
    ['not-an-object', 'a result that is not an object'],
    ['throws', 'a thrown error'],
  ])('L3: %s (%s) is a 502 {"message": "Internal server error"}', async (behavior) => {
    // Act
    const response = await fixture.call(`/behaviors/${behavior}`);

    // Assess
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual(internalError);
  });

  it('L3: a valid result is passed through, with Content-Type application/json when the function sets none', async () => {
    // Act
    const response = await fixture.call('/behaviors/no-content-type');

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('{"a":1}');
  });

  it('L4: headers and multiValueHeaders are merged into the response', async () => {
    // Act
    const response = await fixture.call('/behaviors/headers');

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('x-single')).toBe('one');
    expect(response.headers.get('x-multi')).toBe('a, b');
    expect(response.headers.get('x-both')).toBe('same, other');
    expect(response.headers.getSetCookie().sort()).toEqual(['a=1', 'b=2']);
    expect(response.headers.get('x-amzn-remapped-content-length')).toBe('999');
    expect(await response.text()).toBe('headers');
  });

  it("L5: the function's own Timeout applies first: a 502", async () => {
    // Act
    const response = await fixture.call('/behaviors/function-timeout');

    // Assess
    expect(response.status).toBe(502);
    expect(fixture.messages.join('\n')).toContain('Task timed out after 1.00 seconds');
  });

  it('L6: no CORS header is added to a Lambda response, even with Cors on the API and an Origin', async () => {
    // Act
    const response = await fixture.call('/behaviors/no-cors', {
      headers: { Origin: 'https://app.example.com' },
    });

    // Assess
    expect(response.status).toBe(200);
    expect(
      [...response.headers.keys()].filter((name) => name.startsWith('access-control-')),
    ).toEqual([]);
  });
});

describe('L5 with a short integration timeout', () => {
  let short: FixtureGateway;
  beforeAll(async () => {
    short = await startFixture('petstore', { integrationTimeoutMs: 300 });
  });
  afterAll(() => short.close());

  it('L5: no answer within the integration timeout is a 504 {"message": "Endpoint request timed out"}', async () => {
    // Act
    const response = await short.call('/behaviors/slow');

    // Assess
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ message: 'Endpoint request timed out' });
    expect(short.access.at(-1)).toMatchObject({ status: 504, error: 'INTEGRATION_TIMEOUT' });
  });
});
