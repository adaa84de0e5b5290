import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GatewayListenError } from '../errors';
import type { GatewayLogger } from '../logger';
import type { Handled } from './handle-request';
import type { HttpResponse } from './http-response';
import { RequestTooLargeError, readRequest } from './read-request';

export interface ServerOptions {
  readonly host: string;
  readonly port: number;
  readonly clock: () => number;
  readonly logger: GatewayLogger;
  readonly handle: (request: Awaited<ReturnType<typeof readRequest>>) => Promise<Handled>;
}

/**
 * Serves the pipeline over HTTP/1.1 and writes one access log entry per request
 * (method, path, status, latency, authorizer cache hit or miss).
 *
 * @example
 * const server = await listen({ host: '127.0.0.1', port: 0, clock, logger, handle });
 * (server.address() as AddressInfo).port
 */
export async function listen(options: ServerOptions): Promise<Server> {
  const { logger } = options;
  const server = createServer((incoming, outgoing) => {
    void serve(incoming, outgoing, options).catch((error: unknown) => {
      logger.error(`Unexpected failure: ${(error as Error).stack ?? String(error)}`);
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'Content-Type': 'application/json' });
      outgoing.end('{"message": "Internal server error"}');
    });
  });
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
): Promise<void> {
  const started = performance.now();
  const path = (incoming.url ?? '/').split('?')[0] ?? '/';
  const method = incoming.method ?? 'GET';
  let handled: Handled;
  let requestId = '';
  try {
    const request = await readRequest(incoming, options.clock());
    requestId = request.requestId;
    handled = await options.handle(request);
  } catch (error) {
    if (!(error instanceof RequestTooLargeError)) throw error;
    const body = Buffer.from('{"message":"Request Too Long"}');
    handled = {
      response: {
        statusCode: 413,
        headers: [
          ['Content-Type', 'application/json'],
          ['x-amzn-ErrorType', 'RequestTooLargeException'],
        ],
        body,
      },
      log: { authorizer: 'none', error: 'REQUEST_TOO_LARGE' },
    };
  }
  write(outgoing, handled.response);
  const latencyMs = performance.now() - started;
  options.logger.access({
    requestId,
    method,
    path,
    status: handled.response.statusCode,
    latencyMs,
    ...handled.log,
  });
}

function write(outgoing: ServerResponse, response: HttpResponse): void {
  const flat: string[] = [];
  for (const [name, value] of response.headers) flat.push(name, value);
  flat.push('Content-Length', String(response.body.length));
  outgoing.writeHead(response.statusCode, flat);
  outgoing.end(response.body);
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
