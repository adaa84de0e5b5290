import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, policyOn, type RecordedFixture, startRecorded } from './recorded-fixture';

let recorded: RecordedFixture;

beforeAll(async () => {
  recorded = await startRecorded();
});
afterAll(() => recorded.close());

const allow = { principalId: 'user-7', policyDocument: policyOn('Allow') };

describe('gateway responses: fallback, status, $context (AWS-BEHAVIOR.md P16-P20)', () => {
  it('P16: a type without its own entry takes DEFAULT_4XX; one with its own entry takes none of DEFAULT_4XX', async () => {
    // "If the response type is unspecified, this response defaults to the DEFAULT_4XX type"
    // (AWS doc "Gateway response types for API Gateway"); the type's own entry replaces it.
    // Act
    const missing = await recorded.call('StatusApi', '/nowhere');
    const unauthorized = await recorded.call('StatusApi', '/guarded');

    // Assess
    expect(missing.headers.get('x-fallback')).toBeNull(); // MISSING_AUTHENTICATION_TOKEN has its own
    expect(unauthorized.headers.get('x-own')).toBe('unauthorized');
    expect(unauthorized.headers.get('x-fallback')).toBeNull();
  });

  it('P17: a StatusCode on DEFAULT_4XX / DEFAULT_5XX changes every response of its class that sets none', async () => {
    // "Changing the status code of this fallback gateway response changes the status codes of
    // all other 4XX responses to the new value" (same page, DEFAULT_4XX and DEFAULT_5XX rows).
    // Act
    const missing = await recorded.call('StatusApi', '/nowhere'); // its own StatusCode: 404
    const unauthorized = await recorded.call('StatusApi', '/guarded'); // own entry, no StatusCode
    const denied = await recorded.call('StatusApi', '/guarded', {
      headers: { Authorization: bearer({ ...allow, policyDocument: policyOn('Deny') }) },
    });
    const failed = await recorded.call('StatusApi', '/answer?ask=throw');

    // Assess
    expect(missing.status).toBe(404);
    expect(unauthorized.status).toBe(418);
    expect(denied.status).toBe(418);
    expect(denied.headers.get('x-fallback')).toBe('4xx');
    expect(denied.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(failed.status).toBe(503);
  });

  it("P18: $context.error.messageString is the message as JSON; AWS's internal errors have a leading space", async () => {
    // Unauthorized: the default template {"message":$context.error.messageString} gives
    // {"message":"Unauthorized"} (default template recorded by test_apigateway_api.py::
    // test_gateway_response_crud, against AWS). The leading space: P14; for "Internal server
    // error" it is what makes AWS's 36-byte default body `{"message": "Internal server error"}`
    // (Content-Length 36 in test_apigateway_integrations.py::test_apigateway_header_remapping_aws).
    // Act
    const unauthorized = await recorded.call('TemplatesApi', '/guarded/1');
    const failed = await recorded.call('TemplatesApi', '/answer?ask=throw');

    // Assess
    expect(((await unauthorized.json()) as { message: string }).message).toBe('Unauthorized');
    expect(await failed.text()).toContain('"message":" "Internal server error""');
  });

  it('P19: the $context variables of the request are filled in, an unknown reference stays as written', async () => {
    // Variables of the "Variables for data transformations" reference; `$context.nothing.here`
    // stays as written, as Velocity leaves an unknown reference.
    // Act
    const response = await recorded.call('TemplatesApi', '/guarded/1', {
      headers: { 'User-Agent': 'recorded/1.0' },
    });

    // Assess
    const body = (await response.json()) as Record<string, string>;
    const apiId = recorded.fixture.gateway.apis.find(
      (api) => api.logicalId === 'TemplatesApi',
    )?.apiId;
    expect(body).toEqual({
      type: 'UNAUTHORIZED',
      message: 'Unauthorized',
      requestId: response.headers.get('x-amzn-requestid'),
      accountId: '123456789012',
      apiId,
      stage: 'test',
      resourcePath: '/guarded/{item}',
      httpMethod: 'GET',
      sourceIp: '127.0.0.1',
      userAgent: 'recorded/1.0',
      protocol: 'HTTP/1.1',
      requestTimeEpoch: expect.stringMatching(/^\d{13}$/),
      flavour: 'recorded',
      unknown: '$context.nothing.here',
    });
  });

  it("P20: a denied request's ACCESS_DENIED template sees the authorizer's principalId and context", async () => {
    // The way to word a 403 from an authorizer: a Deny policy with a context, read as
    // $context.authorizer.KEY in the ACCESS_DENIED template (Stack Overflow question 47921803;
    // an AWS re:Post answer "Is it possible to throw custom error message from API Gateway
    // Lambda Authorizer").
    // Prepare
    const deny = {
      principalId: 'user-8',
      policyDocument: policyOn('Deny'),
      context: { reason: 'subscription expired' },
    };

    // Act
    const response = await recorded.call('TemplatesApi', '/guarded/1', {
      headers: { Authorization: bearer(deny) },
    });

    // Assess
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      message: 'User is not authorized to access this resource with an explicit deny',
      reason: 'subscription expired',
      principal: 'user-8',
    });
  });
});
