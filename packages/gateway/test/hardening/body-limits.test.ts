import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxBodyBytes } from '../../src/http/read-request';
import { TestCredentialStore } from '../support/credential-store';
import { streamRequest } from '../support/raw-http';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

// API Gateway refuses a body over 10 MB in front of the API: 413, `text; charset=utf-8`,
// "HTTP content length exceeded 10485760 bytes." (no x-amzn headers, so no gateway response and
// no CORS); an event over Lambda's 6 MB is API Gateway's own 413 {"message": "Request Too Long"}
// with BadRequestException, through the gateway responses (as users captured both, e.g.
// koki-develop/lgtm-generator issue 10). The gateway refuses what it can before reading a body
// (no route, no credentials), and never buffers more than the limit and one chunk.
const chunk = Buffer.alloc(64 * 1024, 0x61);
const chunkLimit = 64 * 1024;
const overLimit = maxBodyBytes + 1;

let fixture: FixtureGateway;

beforeAll(async () => {
  fixture = await startFixture('petstore', { parameters: { WithGatewayResponses: 'yes' } });
});
afterAll(() => fixture.close());

const accessOf = (requestId: string | string[] | undefined) =>
  fixture.access.find((entry) => entry.requestId === requestId);

/** Writes chunks until the response head arrives (at most `limit` bytes), then answers it. */
async function sendUntilAnswered(sending: ReturnType<typeof streamRequest>, limit: number) {
  let answered = false;
  const stop = () => {
    answered = true;
  };
  void sending.response.then(stop, stop);
  void sending.closed.then(stop);
  while (!answered && sending.written() < limit) await sending.write(chunk);
  return sending.response;
}

describe('413 Request Too Long', () => {
  it('a body declared over 10 MB is refused at once: 413 in plain text (no gateway response), Connection: close, connection closed, nothing read', async () => {
    // Prepare
    const sending = streamRequest(fixture.gateway.url, 'POST', '/files/upload', {
      'Content-Type': 'application/octet-stream',
      'Content-Length': String(overLimit),
    });

    // Act
    const response = await sending.response;
    await sending.closed;

    // Assess
    expect(response.statusCode).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(response.headers['content-type']).toBe('text; charset=utf-8');
    expect(response.headers['x-amzn-errortype']).toBeUndefined();
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    expect(await response.text).toBe('HTTP content length exceeded 10485760 bytes.');
    expect(fixture.access.at(-1)).toMatchObject({
      status: 413,
      error: 'REQUEST_TOO_LARGE',
      bodyBytes: 0,
    });
  });

  it('a chunked body that grows past 10 MB is the same 413 with Connection: close once the limit is passed, having read at most the limit and one chunk', async () => {
    // Prepare
    const sending = streamRequest(fixture.gateway.url, 'PUT', '/files/upload', {
      'Content-Type': 'application/octet-stream',
      'Transfer-Encoding': 'chunked',
    });

    // Act
    const response = await sendUntilAnswered(sending, 2 * maxBodyBytes);
    await sending.closed;

    // Assess
    expect(response.statusCode).toBe(413);
    expect(response.headers.connection).toBe('close');
    expect(await response.text).toBe('HTTP content length exceeded 10485760 bytes.');
    const entry = fixture.access.at(-1);
    expect(entry?.error).toBe('REQUEST_TOO_LARGE');
    expect(entry?.bodyBytes).toBeGreaterThan(maxBodyBytes);
    expect(entry?.bodyBytes).toBeLessThanOrEqual(maxBodyBytes + chunkLimit);
  });

  it('a body whose event is over 6 MB is 413 {"message": "Request Too Long"} through the gateway responses (DEFAULT_4XX: CORS); the function is not invoked', async () => {
    // Prepare
    const body = Buffer.alloc(7 * 1024 * 1024, 0x62);
    const logged = fixture.nextMessage(/EchoFunction.*over Lambda's 6291456/);

    // Act
    const response = await fixture.call('/files/upload', {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain' },
      body,
    });

    // Assess
    expect(response.status).toBe(413);
    expect(response.headers.get('x-amzn-errortype')).toBe('BadRequestException');
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(await response.text()).toBe('{"message": "Request Too Long"}');
    expect(await logged).toMatch(/the event is \d+ bytes/);
    expect(fixture.access.at(-1)).toMatchObject({ status: 413, error: 'REQUEST_TOO_LARGE' });
  });

  it('a 5 MB body (its event under 6 MB) reaches the function whole', async () => {
    // Prepare
    const body = Buffer.alloc(5 * 1024 * 1024, 0x62);

    // Act
    const response = await fixture.call('/files/upload', {
      method: 'PUT',
      headers: { 'Content-Type': 'text/plain' },
      body,
    });

    // Assess
    expect(response.status).toBe(200);
    const { event } = (await response.json()) as { event: { body: string } };
    expect(event.body.length).toBe(body.length);
  });
});

describe('refused before the body is read', () => {
  it.each([
    // The fixture's MISSING_AUTHENTICATION_TOKEN response has StatusCode 404.
    ['an unknown route', '/nope', {}, 404, 'MISSING_AUTHENTICATION_TOKEN'],
    ['a TOKEN route without its identity header', '/pets', {}, 401, 'UNAUTHORIZED'],
    [
      'a TOKEN route with an identity header its ValidationExpression refuses',
      '/pets',
      { Authorization: 'Basic abc' },
      401,
      'UNAUTHORIZED',
    ],
  ])(
    '%s: answered after the first chunk of a 10 MB body, none of it read',
    async (_case, path, headers, status, error) => {
      // Prepare
      const sending = streamRequest(fixture.gateway.url, 'POST', path, {
        ...headers,
        'Content-Type': 'application/json',
        'Content-Length': String(maxBodyBytes),
      });

      // Act
      await sending.write(chunk);
      const response = await sending.response;
      const written = sending.written();
      sending.destroy();

      // Assess
      expect(response.statusCode).toBe(status);
      expect(written).toBe(chunk.length);
      const entry = accessOf(response.headers['x-amzn-requestid']);
      expect(entry).toMatchObject({ status, error, bodyBytes: 0 });
    },
  );

  it('8 anonymous 10 MB posts to an unknown route are each refused (the template makes it a 404) and no byte of them is buffered', async () => {
    // Prepare
    const body = Buffer.alloc(maxBodyBytes, 0x63);
    const before = fixture.access.length;

    // Act
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        fixture.call('/unknown/route', { method: 'POST', body }).then(async (response) => ({
          status: response.status,
          text: await response.text(),
        })),
      ),
    );

    // Assess
    expect(responses.map((response) => response.status)).toEqual(Array(8).fill(404));
    const entries = fixture.access.slice(before);
    expect(entries.map((entry) => entry.bodyBytes)).toEqual(Array(8).fill(0));
  });
});

describe('an AWS_IAM route without a signature', () => {
  let iam: FixtureGateway;
  let iamUrl: string;

  beforeAll(async () => {
    iam = await startFixture('iam', { credentials: new TestCredentialStore() });
    iamUrl = iam.gateway.apis.find((api) => api.logicalId === 'PetsIamApi')?.url ?? '';
  });
  afterAll(() => iam.close());

  it('no Authorization header: 403 Missing Authentication Token after the first chunk of a 10 MB body, none of it read', async () => {
    // Prepare
    const sending = streamRequest(iamUrl, 'POST', '/pets', {
      'Content-Type': 'application/json',
      'Content-Length': String(maxBodyBytes),
    });

    // Act
    await sending.write(chunk);
    const response = await sending.response;
    sending.destroy();

    // Assess
    expect(response.statusCode).toBe(403);
    expect(response.headers['x-amzn-errortype']).toBe('MissingAuthenticationTokenException');
    const entry = iam.access.find((e) => e.requestId === response.headers['x-amzn-requestid']);
    expect(entry).toMatchObject({ authorizer: 'iam', bodyBytes: 0 });
  });
});

describe('Expect: 100-continue', () => {
  /** Sends the head with `Expect: 100-continue`; the body only after a 100 Continue. */
  function expectContinue(path: string, headers: Record<string, string>, body: Buffer) {
    const outgoing = request(`${fixture.gateway.url}${path}`, {
      method: 'POST',
      agent: false,
      headers: { ...headers, Expect: '100-continue', 'Content-Length': String(body.length) },
    });
    let continued = false;
    outgoing.on('continue', () => {
      continued = true;
      outgoing.end(body);
    });
    outgoing.on('error', () => {});
    outgoing.flushHeaders();
    return new Promise<{ status: number | undefined; continued: boolean }>((resolve) => {
      outgoing.on('response', (incoming) => {
        resolve({ status: incoming.statusCode, continued });
        incoming.resume();
        if (!continued) outgoing.destroy();
      });
    });
  }

  it('a refused request (no route, no token) gets its answer without a 100 Continue: its body is never sent', async () => {
    // Act
    const unknown = await expectContinue('/nope', {}, Buffer.alloc(1024));
    const anonymous = await expectContinue('/pets', {}, Buffer.alloc(1024));

    // Assess
    expect(unknown).toEqual({ status: 404, continued: false });
    expect(anonymous).toEqual({ status: 401, continued: false });
  });

  it('an accepted request gets 100 Continue, then its answer', async () => {
    // Act
    const accepted = await expectContinue(
      '/files/upload',
      { 'Content-Type': 'text/plain' },
      Buffer.from('hello'),
    );

    // Assess
    expect(accepted).toEqual({ status: 200, continued: true });
  });
});
