import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange } from '../../support/raw-http';
import { type RecordedFixture, startRecorded } from './recorded-fixture';

let recorded: RecordedFixture;

beforeAll(async () => {
  recorded = await startRecorded();
});
afterAll(() => recorded.close());

const portOf = (api: string) => {
  const found = recorded.fixture.gateway.apis.find((item) => item.logicalId === api);
  if (!found) throw new Error(`no ${api}`);
  return found.port;
};

/** The function's result, POSTed to /answer over a raw connection (header lines as sent). */
const answerOnWire = (result: unknown) =>
  exchange(portOf('PlainApi'), {
    method: 'POST',
    target: '/answer',
    headers: [['Content-Type', 'application/json']],
    body: Buffer.from(JSON.stringify(result)),
  });

describe('response headers, as recorded against AWS (AWS-BEHAVIOR.md P7-P10)', () => {
  it('P7: headers API Gateway keeps for itself are renamed x-amzn-Remapped-*, Transfer-Encoding is dropped', async () => {
    // Recorded: test_apigateway_integrations.py::test_apigateway_header_remapping_aws[AWS] (a
    // Lambda integration's response headers, snapshot recorded against AWS); WWW-Authenticate
    // from a proxy function: serverless-offline issue 236, modelix/modelix.core pull request
    // 1658; Authorization: aws-sam-cli issue 696. x-amzn-RequestId: recorded for an HTTP_PROXY
    // backend (test_apigateway_http.py::test_http_integration_with_lambda[HTTP_PROXY]),
    // unconfirmed for a function.
    // Prepare
    const remapped = [
      'Authorization',
      'Connection',
      'Content-Length',
      'Content-MD5',
      'Date',
      'Expect',
      'Host',
      'Max-Forwards',
      'Proxy-Authenticate',
      'Server',
      'Trailer',
      'Upgrade',
      'User-Agent',
      'WWW-Authenticate',
      'x-amzn-RequestId',
    ];
    // Passed through in the same recording.
    const passed = ['Age', 'Cache-Control', 'Content-Encoding', 'Pragma', 'Via', 'Warn'];
    const headers = Object.fromEntries(
      [...remapped, ...passed, 'Transfer-Encoding'].map((name) => [name, `fn-${name}`]),
    );

    // Act
    const response = await answerOnWire({ statusCode: 200, headers, body: 'ok' });

    // Assess
    for (const name of remapped) {
      expect(response.header(`x-amzn-Remapped-${name}`), name).toBe(`fn-${name}`);
    }
    for (const name of passed) expect(response.header(name), name).toBe(`fn-${name}`);
    expect(response.header('x-amzn-remapped-transfer-encoding')).toBeUndefined();
    expect(response.header('transfer-encoding')).toBeUndefined();
    expect(response.header('content-length')).toBe('2');
    expect(response.header('x-amzn-requestid')).not.toBe('fn-x-amzn-RequestId');
    expect(response.text).toBe('ok');
  });

  it('P8: multiValueHeaders are joined, then the headers pairs they do not already hold', async () => {
    // payload-format (test_apigateway_lambda.py::test_aws_proxy_response_payload_format_validation,
    // recorded against AWS): "invoke-api-multi-headers-valid" gives "value1, value2";
    // "invoke-api-multi-headers-overwrite" gives "value-multi, value-solo", with the name in
    // multiValueHeaders' case ("...-overwrite-casing"). A pair in both is sent once: "If the same
    // key-value pair is specified in both, only the values from multiValueHeaders will appear"
    // (AWS doc "Set up Lambda proxy integrations in API Gateway", output format).
    // Act
    const valid = await recorded.answer('PlainApi', {
      multiValueHeaders: { 'test-multi': ['value1', 'value2'] },
    });
    const both = await recorded.answer('PlainApi', {
      multiValueHeaders: { 'tesT-Multi': ['value-multi'], 'X-Same': ['same', 'other'] },
      headers: { 'test-multi': 'value-solo', 'x-same': 'same' },
    });

    // Assess
    expect(valid.headers.get('test-multi')).toBe('value1, value2');
    expect(both.headers.get('test-multi')).toBe('value-multi, value-solo');
    expect(both.headers.get('x-same')).toBe('same, other');
  });

  it('P8: a multiValueHeaders value that is not a list is a 502 (payload-format "invoke-api-multi-headers-invalid")', async () => {
    // Act
    const response = await recorded.answer('PlainApi', {
      multiValueHeaders: { 'test-multi-invalid': 'value1' },
    });

    // Assess
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ message: 'Internal server error' });
  });

  it('P8: every Set-Cookie of both maps is its own header line', async () => {
    // The two maps are merged (payload-format above); a cookie is never joined with a comma:
    // each value is its own line (RFC 9110 section 5.3), the way to set several cookies in a v1
    // result (`cookies` is malformed, P1).
    // Act
    const response = await answerOnWire({
      headers: { 'Set-Cookie': 'a=1; Path=/' },
      multiValueHeaders: { 'Set-Cookie': ['b=2; HttpOnly', 'c=3'] },
    });

    // Assess
    const cookies = response.headers.filter(([name]) => name === 'set-cookie').map(([, v]) => v);
    expect(cookies).toEqual(['b=2; HttpOnly', 'c=3', 'a=1; Path=/']);
  });

  it('P9: a proxy response carries x-amzn-RequestId, x-amz-apigw-id, X-Amzn-Trace-Id, Date, Connection and Content-Type by default', async () => {
    // Recorded: payload-format "invoke-api-with-headers" (Connection: keep-alive, Content-Type:
    // application/json, Date, X-Amzn-Trace-Id, x-amz-apigw-id, x-amzn-RequestId), and
    // test_apigateway_common.py::test_invocation_trace_id (the trace header on AWS_PROXY
    // responses, the one the integration got). x-amz-apigw-id: 15 base64url characters and "="
    // in every capture (e.g. "R9NOvE-qIAMECfw=", DataBiosphere/azul issue 7470).
    // Act
    const response = await recorded.call('PlainApi', '/answer?ask=event');

    // Assess
    const event = (await response.json()) as { headers: Record<string, string> };
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('x-amz-apigw-id')).toMatch(/^[A-Za-z0-9]{15}=$/);
    expect(response.headers.get('x-amzn-trace-id')).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}/);
    expect(response.headers.get('x-amzn-trace-id')).toBe(event.headers['X-Amzn-Trace-Id']);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('connection')).toBe('keep-alive');
    expect(Date.parse(response.headers.get('date') ?? '')).not.toBeNaN();
  });

  it("P9: the gateway's own error responses have no X-Amzn-Trace-Id", async () => {
    // Recorded: an error answered by API Gateway has Content-Type, x-amzn-RequestId,
    // x-amzn-ErrorType, x-amz-apigw-id, Date, Connection, Content-Length and no trace header
    // (test_apigateway_integrations.py::test_apigateway_header_remapping_aws[AWS_PROXY],
    // "content-length"; awsdocs/amazon-api-gateway-developer-guide issue 71).
    // Act
    const response = await exchange(portOf('PlainApi'), { method: 'GET', target: '/nowhere' });

    // Assess
    expect(response.status).toBe(403);
    expect(response.headers.map(([name]) => name).sort()).toEqual([
      'connection',
      'content-length',
      'content-type',
      'date',
      'x-amz-apigw-id',
      'x-amzn-errortype',
      'x-amzn-requestid',
    ]);
  });

  it('P10: Connection is close when the client asked for it, and no Keep-Alive header is sent', async () => {
    // Recorded: the client sent `Connection: close` and AWS answered `Connection: close`
    // (test_apigateway_integrations.py::test_apigateway_header_remapping_aws, every entry); no
    // recorded response has a Keep-Alive header (Node's own `Keep-Alive: timeout=...`).
    // Act
    const closing = await answerOnWire({ statusCode: 200 });
    const kept = await recorded.answer('PlainApi', { statusCode: 200 });

    // Assess
    expect(closing.header('connection')).toBe('close');
    expect(closing.header('keep-alive')).toBeUndefined();
    expect(kept.headers.get('connection')).toBe('keep-alive');
    expect(kept.headers.get('keep-alive')).toBeNull();
  });
});
