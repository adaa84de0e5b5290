import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeEvent, type RecordedRequests, startRecordedRequests } from './recorded-requests';

// Which headers reach the v1 event, in which case, and what API Gateway adds (AWS-BEHAVIOR.md
// Q6-Q9). "Recorded" cases send what LocalStack's tests sent and expect what their snapshots
// recorded against AWS; the test names each.

let recorded: RecordedRequests;

beforeAll(async () => {
  recorded = await startRecordedRequests();
});
afterAll(() => recorded.fixture.close());

describe('Q6: headers that never reach the event', () => {
  // LocalStack tests/aws/services/apigateway/test_apigateway_integrations.py::
  // TestApiGatewayHeaderRemapping::test_apigateway_header_remapping_aws[AWS_PROXY] (snapshot
  // recorded against AWS, a REGIONAL API): the same headers, the same names in the event.
  it('Q6: Connection, Content-MD5, Expect, Max-Forwards, Proxy-Authenticate, Server, TE, Trailer, Upgrade, WWW-Authenticate are dropped; the rest pass (recorded)', async () => {
    // Prepare
    const sent: [string, string][] = [
      ['Accept', 'application/json'],
      ['Accept-Charset', 'UTF-8'],
      ['Accept-Encoding', 'br'],
      ['Age', 'request_Age'],
      ['Authorization', 'Unauthorized'],
      ['Content-Encoding', 'deflate'],
      ['Content-MD5', 'request_Content-MD5'],
      ['Content-Type', 'application/json'],
      ['Date', 'request_Date'],
      ['Max-Forwards', '2'],
      ['Pragma', 'cache'],
      ['Proxy-Authenticate', 'Basic'],
      ['Range', 'bytes=500-999'],
      ['Referer', 'https://example.com/'],
      ['Server', 'https://example.com/'],
      ['TE', 'deflate'],
      ['Trailer', 'Expires'],
      ['Upgrade', 'HTTP/2.0'],
      ['User-Agent', 'localStack/0.0'],
      ['Via', 'p.example.net'],
      ['Warn', '299 localStack/0.0'],
      ['WWW-Authenticate', 'Basic YWxhZGRpbjpvcGVuc2VzYW1l'],
    ];

    // Act (the test client adds Host and Connection: close)
    const event = await recorded.event(recorded.regionalPort, {
      method: 'GET',
      target: '/test/no-param',
      headers: sent,
    });

    // Assess
    expect(Object.keys(event.headers).sort()).toEqual(
      [
        'Accept',
        'Accept-Charset',
        'Accept-Encoding',
        'Age',
        'Authorization',
        'Content-Encoding',
        'Content-Type',
        'Date',
        'Host',
        'Pragma',
        'Range',
        'Referer',
        'User-Agent',
        'Via',
        'Warn',
        'X-Amzn-Trace-Id',
        'X-Forwarded-For',
        'X-Forwarded-Port',
        'X-Forwarded-Proto',
      ].sort(),
    );
    expect(Object.keys(event.multiValueHeaders).sort()).toEqual(Object.keys(event.headers).sort());
    expect(event.headers).toMatchObject({ Via: 'p.example.net', Warn: '299 localStack/0.0' });
  });

  it('Q6: Content-Length of a body is not in the event (recorded: test_lambda_aws_proxy_integration_request_data_mapping)', async () => {
    // Act
    const event = await recorded.event(recorded.edgePort, {
      method: 'POST',
      target: '/stage/foobar',
      headers: [['Content-Type', 'application/json']],
      body: Buffer.from('{"message": "hello world"}'),
    });

    // Assess
    expect(event.body).toBe('{"message": "hello world"}');
    expect(Object.keys(event.headers).map((name) => name.toLowerCase())).not.toContain(
      'content-length',
    );
  });

  it('Q6: Transfer-Encoding and Expect of a chunked upload sent after 100 Continue are not in the event; the body is whole', async () => {
    // Act
    const event = await nodeEvent(recorded.regionalPort, {
      method: 'POST',
      path: '/test/h',
      headers: { Expect: '100-continue', 'Content-Type': 'text/plain' },
      chunks: ['hello ', 'world'],
    });

    // Assess
    expect(event.body).toBe(Buffer.from('hello world').toString('base64'));
    const names = Object.keys(event.headers).map((name) => name.toLowerCase());
    expect(names).not.toContain('transfer-encoding');
    expect(names).not.toContain('expect');
    expect(names).toContain('content-type');
  });
});

describe('Q7: header names and values', () => {
  it('Q7: names keep the case sent, but Authorization and User-Agent are written in theirs (recorded: test_lambda_aws_proxy_integration, ...request_data_mapping)', async () => {
    // Act
    const first = await recorded.event(recorded.edgePort, {
      method: 'GET',
      target: '/stage/proxy-value',
      headers: [
        ['User-Agent', 'python-requests/testing'],
        ['tEsT-HEADeR', 'aValUE'],
        ['authorization', 'random-value'],
      ],
    });
    const second = await recorded.event(recorded.edgePort, {
      method: 'GET',
      target: '/stage/foobar',
      headers: [
        ['aUThorization', 'Bearer token123;API key456'],
        ['user-Agent', 'test/integration'],
        ['foobar', 'mapped-value'],
        ['headerVar', 'request-value'],
      ],
    });

    // Assess
    expect(first.headers).toMatchObject({ 'tEsT-HEADeR': 'aValUE', Authorization: 'random-value' });
    expect(first.multiValueHeaders['tEsT-HEADeR']).toEqual(['aValUE']);
    expect(second.headers).toMatchObject({
      Authorization: 'Bearer token123;API key456',
      'User-Agent': 'test/integration',
      foobar: 'mapped-value',
      headerVar: 'request-value',
    });
    expect(second.headers).not.toHaveProperty('aUThorization');
    expect(second.requestContext.identity.userAgent).toBe('test/integration');
  });

  it('Q7: lower-case names stay lower-case (accept, cookie), Host is written Host (captures of the Lambda guide sample and gist gene1wood/f76f7b75)', async () => {
    // Act: node:http sends the names as given
    const event = await nodeEvent(recorded.regionalPort, {
      path: '/test/lower',
      headers: { host: `127.0.0.1:${recorded.regionalPort}`, accept: '*/*', cookie: 'a=1' },
    });

    // Assess
    expect(event.headers).toMatchObject({
      Host: `127.0.0.1:${recorded.regionalPort}`,
      accept: '*/*',
      cookie: 'a=1',
    });
  });

  it('Q7: a header sent twice has both values in multiValueHeaders and the last in headers ("Lambda proxy integrations in API Gateway", multi-value headers)', async () => {
    // Act
    const event = await recorded.event(recorded.regionalPort, {
      method: 'GET',
      target: '/test/twice',
      headers: [
        ['X-Twice', 'first'],
        ['x-twice', 'second'],
      ],
    });

    // Assess
    expect(event.multiValueHeaders['X-Twice']).toEqual(['first', 'second']);
    expect(event.headers['X-Twice']).toBe('second');
  });

  it('Q7: a comma-joined value is one value, not split (recorded: Accept-Encoding "gzip, deflate")', async () => {
    // Act
    const event = await recorded.event(recorded.edgePort, {
      method: 'GET',
      target: '/stage/proxy-value',
      headers: [['Accept-Encoding', 'gzip, deflate']],
    });

    // Assess
    expect(event.headers['Accept-Encoding']).toBe('gzip, deflate');
    expect(event.multiValueHeaders['Accept-Encoding']).toEqual(['gzip, deflate']);
  });
});

describe('Q8: what API Gateway (and CloudFront, for an EDGE API) add', () => {
  it('Q8: an EDGE API (SAM default) adds CloudFront-Forwarded-Proto, the CloudFront-Is-*-Viewer headers, Via and X-Amz-Cf-Id (recorded; aws-powertools/powertools-lambda-python#820)', async () => {
    // Act
    const event = await recorded.event(recorded.edgePort, {
      method: 'GET',
      target: '/stage/proxy-value',
      headers: [['User-Agent', 'python-requests/testing']],
    });

    // Assess
    expect(event.headers).toMatchObject({
      'CloudFront-Forwarded-Proto': 'http',
      'CloudFront-Is-Desktop-Viewer': 'true',
      'CloudFront-Is-Mobile-Viewer': 'false',
      'CloudFront-Is-SmartTV-Viewer': 'false',
      'CloudFront-Is-Tablet-Viewer': 'false',
    });
    expect(event.headers.Via).toMatch(/^2\.0 [0-9a-f]{32}\.cloudfront\.net \(CloudFront\)$/);
    expect(event.headers['X-Amz-Cf-Id']).toMatch(/^[A-Za-z0-9_-]{54}==$/);
    expect(event.multiValueHeaders.Via).toEqual([event.headers.Via]);
  });

  it('Q8: on an EDGE API X-Forwarded-For is the caller then the edge, and a client chain is kept in front (powertools-lambda-python#820; logandk/serverless-wsgi#36)', async () => {
    // Act
    const plain = await recorded.event(recorded.edgePort, { method: 'GET', target: '/stage/x' });
    const chained = await recorded.event(recorded.edgePort, {
      method: 'GET',
      target: '/stage/x',
      headers: [['X-Forwarded-For', '10.2.3.4']],
    });

    // Assess
    expect(plain.headers['X-Forwarded-For']).toBe('127.0.0.1, 127.0.0.1');
    expect(chained.headers['X-Forwarded-For']).toBe('10.2.3.4, 127.0.0.1, 127.0.0.1');
    expect(chained.multiValueHeaders['X-Forwarded-For']).toEqual([
      '10.2.3.4, 127.0.0.1, 127.0.0.1',
    ]);
    expect(chained.requestContext.identity.sourceIp).toBe('127.0.0.1');
  });

  it('Q8 (unconfirmed, the stricter reading): on an EDGE API a client cannot set the CloudFront headers, and the device follows the User-Agent', async () => {
    // Act
    const event = await recorded.event(recorded.edgePort, {
      method: 'GET',
      target: '/stage/x',
      headers: [
        ['CloudFront-Viewer-Country', 'FR'],
        ['CloudFront-Is-Desktop-Viewer', 'false'],
        ['User-Agent', 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148'],
      ],
    });

    // Assess
    expect(event.headers).not.toHaveProperty('CloudFront-Viewer-Country');
    expect(event.multiValueHeaders['CloudFront-Is-Desktop-Viewer']).toEqual(['false']);
    expect(event.headers['CloudFront-Is-Mobile-Viewer']).toBe('true');
  });

  it('Q8: a REGIONAL API adds no CloudFront header; X-Forwarded-For is the caller, Port and Proto those of the connection (recorded: header remapping on REGIONAL)', async () => {
    // Act
    const event = await recorded.event(recorded.regionalPort, {
      method: 'GET',
      target: '/test/x',
      headers: [
        ['X-Forwarded-Proto', 'https'],
        ['X-Forwarded-Port', '443'],
      ],
    });

    // Assess
    const names = Object.keys(event.headers);
    expect(names.filter((name) => /^cloudfront-|^x-amz-cf-id$|^via$/i.test(name))).toEqual([]);
    expect(event.headers).toMatchObject({
      'X-Forwarded-For': '127.0.0.1',
      'X-Forwarded-Port': String(recorded.regionalPort),
      'X-Forwarded-Proto': 'http',
    });
    expect(event.multiValueHeaders['X-Forwarded-Proto']).toEqual(['http']);
  });
});

describe('Q9: X-Amzn-Trace-Id', () => {
  it('Q9: without one from the client, a new Root=1-{epoch seconds in hex}-{24 hex} (captures in the Lambda guide sample and gists)', async () => {
    // Prepare
    const before = Math.floor(Date.now() / 1000);

    // Act
    const event = await recorded.event(recorded.regionalPort, { method: 'GET', target: '/test/x' });

    // Assess
    const trace = /^Root=1-([0-9a-f]{8})-[0-9a-f]{24}$/.exec(event.headers['X-Amzn-Trace-Id']);
    expect(trace).not.toBeNull();
    const epoch = Number.parseInt(trace?.[1] ?? '', 16);
    expect(epoch).toBeGreaterThanOrEqual(before);
    expect(epoch).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
  });

  it("Q9: a client's trace header keeps its Root and Parent, as one value (recorded: test_apigateway_common.py::test_invocation_trace_id)", async () => {
    // Prepare
    const sent = 'Root=1-3152b799-8954dae64eda91bc9a23a7e8;Parent=7fa8c0f79203be72;Sampled=1';

    // Act
    const event = await recorded.event(recorded.regionalPort, {
      method: 'GET',
      target: '/test/x',
      headers: [['x-amzn-trace-id', sent]],
    });

    // Assess
    expect(event.multiValueHeaders['X-Amzn-Trace-Id']).toEqual([sent]);
    expect(event.headers).not.toHaveProperty('x-amzn-trace-id');
  });

  it('Q9 (unconfirmed): a trace header without a valid Root is replaced by a new one', async () => {
    // Act
    const event = await recorded.event(recorded.regionalPort, {
      method: 'GET',
      target: '/test/x',
      headers: [['X-Amzn-Trace-Id', 'Root=not-a-trace']],
    });

    // Assess
    expect(event.multiValueHeaders['X-Amzn-Trace-Id']).toHaveLength(1);
    expect(event.headers['X-Amzn-Trace-Id']).toMatch(/^Root=1-[0-9a-f]{8}-[0-9a-f]{24}$/);
  });
});
