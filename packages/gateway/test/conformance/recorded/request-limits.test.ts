import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchange, streamRequest } from '../../support/raw-http';
import { type RecordedRequests, startRecordedRequests } from './recorded-requests';

// The two request-side payload limits as a user captured both answers of API Gateway
// (koki-develop/lgtm-generator issue 10, AWS-BEHAVIOR.md Q12, Q13):
//   HTTP/2 413 / content-type: text; charset=utf-8 / content-length: 44 (no x-amzn-*)
//   HTTP content length exceeded 10485760 bytes.
// and, for an event over Lambda's 6 MB,
//   HTTP/2 413 / content-type: application/json / content-length: 31 / x-amzn-requestid /
//   x-amzn-errortype: BadRequestException / x-amz-apigw-id
//   {"message": "Request Too Long"}
// The fixture's EdgeApi has a DEFAULT_4XX gateway response with a CORS header and
// application/octet-stream among its BinaryMediaTypes.

const tenMegabytes = 10 * 1024 * 1024;
let recorded: RecordedRequests;

beforeAll(async () => {
  recorded = await startRecordedRequests();
});
afterAll(() => recorded.fixture.close());

const invoked = () => recorded.fixture.access.at(-1);

describe('Q12: a body over API Gateway 10 MB', () => {
  it('Q12: is 413 text; charset=utf-8, Content-Length 44, the captured sentence, no x-amzn-RequestId, x-amzn-ErrorType, x-amz-apigw-id nor CORS (capture)', async () => {
    // Prepare
    const edge = recorded.fixture.gateway.apis.find((api) => api.logicalId === 'EdgeApi');
    const sending = streamRequest(edge?.url ?? '', 'POST', '/stage/upload', {
      'Content-Type': 'application/json',
      'Content-Length': String(tenMegabytes + 1),
    });

    // Act
    const response = await sending.response;
    await sending.closed;

    // Assess
    expect(response.statusCode).toBe(413);
    expect(response.headers['content-type']).toBe('text; charset=utf-8');
    expect(response.headers['content-length']).toBe('44');
    for (const absent of [
      'x-amzn-requestid',
      'x-amzn-errortype',
      'x-amz-apigw-id',
      'access-control-allow-origin',
    ]) {
      expect(response.headers[absent], absent).toBeUndefined();
    }
    expect(await response.text).toBe('HTTP content length exceeded 10485760 bytes.');
  });

  it('Q12: a body of exactly 10485760 bytes passes that limit ("exceeded"), and meets the 6 MB one instead', async () => {
    // Act
    const response = await exchange(recorded.edgePort, {
      method: 'POST',
      target: '/stage/upload',
      headers: [['Content-Type', 'text/plain']],
      body: Buffer.alloc(tenMegabytes, 0x61),
    });

    // Assess
    expect(response.status).toBe(413);
    expect(response.text).toBe('{"message": "Request Too Long"}');
  });
});

describe('Q13: an event over Lambda 6 MB', () => {
  it('Q13: is 413 application/json {"message": "Request Too Long"}, Content-Length 31, BadRequestException, with x-amzn-RequestId and x-amz-apigw-id, and DEFAULT_4XX headers (capture)', async () => {
    // Act
    const response = await exchange(recorded.edgePort, {
      method: 'POST',
      target: '/stage/upload',
      headers: [['Content-Type', 'text/plain']],
      body: Buffer.alloc(7 * 1024 * 1024, 0x61),
    });

    // Assess
    expect(response.status).toBe(413);
    expect(response.header('content-type')).toBe('application/json');
    expect(response.header('content-length')).toBe('31');
    expect(response.header('x-amzn-errortype')).toBe('BadRequestException');
    expect(response.header('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.header('x-amz-apigw-id')).toMatch(/^[A-Za-z0-9]{15}=$/);
    expect(response.header('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.text).toBe('{"message": "Request Too Long"}');
    expect(invoked()).toMatchObject({ status: 413, error: 'REQUEST_TOO_LARGE' });
  });

  it('Q13: the limit is on the event, so 4.7 MB of a binary media type (base64 in the event) is refused where 4.7 MB of text passes', async () => {
    // Prepare
    const body = Buffer.alloc(Math.round(4.7 * 1024 * 1024), 0x61);

    // Act
    const binary = await exchange(recorded.edgePort, {
      method: 'POST',
      target: '/stage/upload',
      headers: [['Content-Type', 'application/octet-stream']],
      body,
    });
    const text = await exchange(recorded.edgePort, {
      method: 'POST',
      target: '/stage/upload',
      headers: [['Content-Type', 'text/plain']],
      body,
    });

    // Assess
    expect(binary.status).toBe(413);
    expect(binary.text).toBe('{"message": "Request Too Long"}');
    expect(text.status).toBe(200);
    expect(JSON.parse(text.text).event.body).toHaveLength(body.length);
  });
});
