import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { ClientGoneError, GatewayListenError } from '../errors';
import { logText } from '../log-text';
import type { GatewayLogger } from '../logger';
import type { GatewayRequest } from './gateway-request';
import type { Handled } from './handle-request';
import type { HttpResponse } from './http-response';
import { RequestBody, readRequestHead } from './read-request';

export interface ServerOptions {
  readonly host: string;
  readonly port: number;
  readonly clock: () => number;
  readonly logger: GatewayLogger;
  /** The pipeline: it reads the body (`body.read()`) only once the request is worth reading. */
  readonly handle: (request: GatewayRequest, body: RequestBody) => Promise<Handled>;
}

/**
 * Serves the pipeline over HTTP/1.1 and writes one access log entry per request
 * (method, path, status, latency, authorizer cache hit or miss, body bytes read); a request whose
 * client left before its body arrived has a warning line instead. A response
 * marked `close` (a 413, whose body was left unread) carries `Connection: close` and ends the
 * connection. A client that sent `Expect: 100-continue` gets its `100 Continue` only when the
 * body is read, so a refused request's body is never sent at all.
 *
 * @example
 * const server = await listen({ host: '127.0.0.1', port: 0, clock, logger, handle });
 * (server.address() as AddressInfo).port
 */
export async function listen(options: ServerOptions): Promise<Server> {
  const { logger } = options;
  const onRequest = (incoming: IncomingMessage, outgoing: ServerResponse, expects: boolean) => {
    void serve(incoming, outgoing, options, expects).catch((error: unknown) => {
      logger.error(`Unexpected failure: ${(error as Error).stack ?? String(error)}`);
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'Content-Type': 'application/json' });
      outgoing.end('{"message": "Internal server error"}');
    });
  };
  const server = createServer((incoming, outgoing) => onRequest(incoming, outgoing, false));
  // Without this listener Node answers `100 Continue` at once, before routing.
  server.on('checkContinue', (incoming, outgoing) => onRequest(incoming, outgoing, true));
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) =>
      reject(new GatewayListenError(options.host, options.port, error)),
    );
    server.listen(options.port, options.host, () => resolve());
  });
  return server;
}

async function serve(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  options: ServerOptions,
  expectsContinue: boolean,
): Promise<void> {
  const started = performance.now();
  const path = (incoming.url ?? '/').split('?')[0] ?? '/';
  const method = incoming.method ?? 'GET';
  const request = readRequestHead(incoming, options.clock());
  const body = new RequestBody(
    incoming,
    expectsContinue ? () => outgoing.writeContinue() : undefined,
  );
  let handled: Handled;
  try {
    handled = await options.handle(request, body);
  } catch (error) {
    // Expected on any network: one line, no stack, no answer (nobody to read it).
    if (!(error instanceof ClientGoneError)) throw error;
    options.logger.warn(`${method} ${logText(path)} (${request.requestId}): ${error.message}`);
    return;
  }
  if (handled.close) closeLingering(incoming);
  write(outgoing, handled.response, handled.close === true);
  const latencyMs = performance.now() - started;
  options.logger.access({
    requestId: request.requestId,
    method,
    path,
    status: handled.response.statusCode,
    latencyMs,
    bodyBytes: body.bytesRead,
    ...handled.log,
  });
}

function write(outgoing: ServerResponse, response: HttpResponse, close: boolean): void {
  const flat: string[] = [];
  for (const [name, value] of response.headers) flat.push(name, value);
  flat.push('Content-Length', String(response.body.length));
  // Node ends the connection after a response that says `Connection: close`. Said explicitly,
  // as AWS does (`keep-alive`, or `close` when the client asked for it), it also keeps Node from
  // adding a `Keep-Alive: timeout=...` header AWS never sends (P10).
  const keepAlive = !close && outgoing.shouldKeepAlive;
  flat.push('Connection', keepAlive ? 'keep-alive' : 'close');
  outgoing.writeHead(response.statusCode, flat);
  outgoing.end(response.body);
}

/** How long a connection closed after a 413 keeps discarding what the client still sends. */
const lingerMs = 2_000;

/**
 * Closes the connection of a request whose body was left unread, as nginx's lingering close
 * does: Node would destroy the socket right after the response, and with body bytes still
 * arriving that is a TCP reset, which can reach the client before the 413 does. Instead our
 * side ends (FIN after the response), what still arrives is discarded, and the socket is
 * destroyed when the client ends or after {@link lingerMs}.
 */
function closeLingering(incoming: IncomingMessage): void {
  const socket = incoming.socket as Socket & { destroySoon?: () => void };
  socket.destroySoon = () => socket.end();
  socket.once('end', () => socket.destroy());
  setTimeout(() => socket.destroy(), lingerMs).unref();
  incoming.resume();
}

/**
 * The port a listening server got.
 *
 * @example
 * portOf(await listen({ ...options, port: 0 })) // 41234
 */
export function portOf(server: Server): number {
  return (server.address() as AddressInfo).port;
}
