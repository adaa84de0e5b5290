import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientGoneError } from '../../src/errors';
import { RequestBody } from '../../src/http/read-request';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

/** Opens a connection and sends a request head announcing 100 bytes, then `body` of them. */
async function halfSent(port: number, head: string, body: string) {
  const socket = connect(port, '127.0.0.1');
  socket.on('error', () => {});
  await once(socket, 'connect');
  socket.write(`${head}\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n${body}`);
  return socket;
}

describe('a client that leaves before its body has arrived', () => {
  let fixture: FixtureGateway;
  beforeAll(async () => {
    fixture = await startFixture('petstore');
  });
  afterAll(() => fixture.close());

  it('is one warning line naming the request, without a stack; the gateway goes on serving', async () => {
    // Prepare: /public has no authorizer, so the gateway reads the body at once
    const port = Number(new URL(fixture.gateway.url).port);
    const warned = fixture.nextMessage(/client closed the connection/);
    const socket = await halfSent(port, 'GET /public HTTP/1.1', '0123456789');

    // Act
    socket.destroy();
    const warning = await warned;

    // Assess
    expect(warning).toMatch(
      /^warning: GET \/public \([0-9a-f-]{36}\): the client closed the connection (after \d+ bytes of its body|before its body was read)$/,
    );
    expect(fixture.messages.filter((message) => message.includes('Unexpected failure'))).toEqual(
      [],
    );
    expect((await fixture.call('/public')).status).toBe(200);
  });
});

describe('RequestBody of a request whose client left before the body was read', () => {
  const requests: IncomingMessage[] = [];
  const arrived: ((request: IncomingMessage) => void)[] = [];
  const server = createServer((request) => {
    requests.push(request);
    arrived.shift()?.(request);
  });
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('rejects with ClientGoneError at once (Node emits nothing more for it, a read would wait forever)', async () => {
    // Prepare
    const request = new Promise<IncomingMessage>((resolve) => arrived.push(resolve));
    const socket = await halfSent((server.address() as AddressInfo).port, 'POST / HTTP/1.1', '01');
    const incoming = await request;
    const destroyed = new Promise((resolve) => incoming.once('close', resolve));
    socket.destroy();
    await destroyed;

    // Act
    const read = await new RequestBody(incoming).read().catch((error: unknown) => error);

    // Assess
    expect(read).toBeInstanceOf(ClientGoneError);
    expect((read as Error).message).toBe(
      'the client closed the connection before its body was read',
    );
  });
});
