import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RecordedFixture, startRecorded } from './recorded-fixture';

// The function answers what it is sent (the POST body is its proxy result), as LocalStack's
// validated test does: tests/aws/services/apigateway/test_apigateway_lambda.py::
// test_aws_proxy_response_payload_format_validation (snapshot recorded against AWS), cited below
// as "payload-format" with the snapshot entry's name.
const internalError = { message: 'Internal server error' };

let recorded: RecordedFixture;

beforeAll(async () => {
  recorded = await startRecorded();
});
afterAll(() => recorded.close());

describe('the Lambda proxy response contract, as recorded against AWS (AWS-BEHAVIOR.md P1-P6)', () => {
  it.each([
    // payload-format "invoke-api-wrong-format".
    ['a key the contract does not have', { statusCode: 200, wrongValue: 'value' }],
    // HTTP API's `cookies` is an extra key in a REST API's v1 result: "Malformed Lambda proxy
    // response" (rails-lambda/lamby issue 78, anomalyco/sst issue 2760).
    ['cookies, of the v2 payload', { statusCode: 200, cookies: ['a=1'] }],
  ])('P1: %s is a 502 {"message": "Internal server error"}', async (_, result) => {
    // Act
    const response = await recorded.answer('PlainApi', result);

    // Assess
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual(internalError);
    expect(recorded.fixture.messages.at(-1)).toMatch(
      /malformed Lambda proxy response: unexpected field/,
    );
  });

  it('P2: a result without statusCode is a 200, its headers sent (payload-format "invoke-api-only-headers")', async () => {
    // Act
    const response = await recorded.answer('PlainApi', { headers: { 'test-header': 'value' } });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('test-header')).toBe('value');
    expect(await response.text()).toBe('');
  });

  it('P2: an empty object is a 200 with an empty body and Content-Type application/json', async () => {
    // Source: test_apigateway_lambda.py::test_lambda_aws_proxy_response_format ("empty-response":
    // the function returns {}, AWS answers 200 with no content; validated against AWS).
    // Act
    const response = await recorded.answer('PlainApi', {});

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('');
  });

  it('P3: a statusCode given as a numeric string is that status (payload-format "invoke-api-status-code-str")', async () => {
    // Act
    const response = await recorded.answer('PlainApi', { statusCode: '201' });

    // Assess
    expect(response.status).toBe(201);
    expect(await response.text()).toBe('');
  });

  it.each([
    // payload-format "invoke-api-invalid-status-code".
    ['a word', 'test'],
    // Unconfirmed: no recording of a number that is not an HTTP status; refused (stricter).
    ['a number that is not a status', 1000],
    ['a fraction', 200.5],
  ])('P3: a statusCode that is %s is a 502', async (_, statusCode) => {
    // Act
    const response = await recorded.answer('PlainApi', { statusCode });

    // Assess
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual(internalError);
  });

  it.each([
    // payload-format "invoke-api-just-string".
    ['a string', 'justAString'],
    // "Endpoint response body before transformations: null ... Malformed Lambda proxy response"
    // (michalkvasnicak/aws-lambda-graphql pull request 48).
    ['null', null],
    // Unconfirmed: an array; refused like any result that is not an object.
    ['an array', [{ statusCode: 200 }]],
  ])('P4: a result that is %s is a 502', async (_, result) => {
    // Act
    const response = await recorded.answer('PlainApi', result);

    // Assess
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual(internalError);
  });

  it('P5: no body is an empty body (payload-format "invoke-api-no-body")', async () => {
    // Act
    const response = await recorded.answer('PlainApi', { statusCode: 200 });

    // Assess
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it.each([
    // `"body": {"hey": "dude"}` logged as "Malformed Lambda proxy response", 502
    // (vincentsarago/lambda-proxy issue 59).
    ['an object', { a: 1 }],
    // Unconfirmed: numbers and booleans; refused like an object (stricter).
    ['a number', 42],
    ['a boolean', true],
  ])('P5: a body that is %s is a 502', async (_, body) => {
    // Act
    const response = await recorded.answer('PlainApi', { statusCode: 200, body });

    // Assess
    expect(response.status).toBe(502);
    expect(recorded.fixture.messages.at(-1)).toMatch(/body is an? \w+, not a string/);
  });

  it('P6: boolean and number header values are sent as text; null headers are no headers', async () => {
    // payload-format "invoke-api-with-headers" (`"header-bool": true` arrives as "true") and
    // "invoke-api-with-headers-null" (`"headers": null` is a 200). Numbers: the same rule,
    // unconfirmed by a recording.
    // Act
    const typed = await recorded.answer('PlainApi', {
      statusCode: 200,
      headers: { 'test-header': 'value', 'header-bool': true, 'header-number': 3 },
    });
    const none = await recorded.answer('PlainApi', { statusCode: 200, headers: null });

    // Assess
    expect(typed.headers.get('test-header')).toBe('value');
    expect(typed.headers.get('header-bool')).toBe('true');
    expect(typed.headers.get('header-number')).toBe('3');
    expect(none.status).toBe(200);
  });

  it.each([
    ['null', null],
    ['an array', ['a', 'b']],
    ['an object', { a: 1 }],
  ])(
    'P6: a header value that is %s is a 502 (unconfirmed: refused, the stricter reading)',
    async (_, value) => {
      // Act
      const response = await recorded.answer('PlainApi', {
        statusCode: 200,
        headers: { 'X-Value': value },
      });

      // Assess
      expect(response.status).toBe(502);
      expect(recorded.fixture.messages.at(-1)).toContain('headers.X-Value is');
    },
  );
});
