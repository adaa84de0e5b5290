import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertReplyMatchesContract, ContractDriftError } from './contract-replies';

/** What the server answers to one request. */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly contentType?: string;
}

export interface Received {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: string;
}

export interface TestServer {
  readonly url: string;
  /** Every request received (CORS preflights left out). */
  readonly received: Received[];
  /**
   * Answers `METHOD /path` (path with its query) from now on. The reply must be one the API could
   * send (`openapi.yaml`: the operation, the status, the content type, the body's schema): a fixed
   * reply is checked here and throws a `ContractDriftError`; a computed one when it is sent.
   */
  reply(route: string, reply: Reply | ((request: Received) => Reply)): void;
  /** Closes the server; rejects with the first drift of a computed reply, if one drifted. */
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
}

/**
 * A real HTTP server on 127.0.0.1 and a free port, answering what each test sets, with CORS
 * headers so a browser-like environment may call it. Every reply is checked against the API
 * contract. A route no test set gets a 404 problem (not checked: it says the test set no reply).
 *
 * @example
 * const server = await startTestServer();
 * server.reply('GET /me', { status: 200, body: { subject: 's', name: 'Ada', permissions: [] } });
 */
export async function startTestServer(): Promise<TestServer> {
  const routes = new Map<string, Reply | ((request: Received) => Reply)>();
  const received: Received[] = [];
  const drifts: ContractDriftError[] = [];
  const server = createServer(async (request, response) => {
    response.setHeader('Access-Control-Allow-Origin', '*');
    response.setHeader('Access-Control-Allow-Headers', 'authorization, content-type');
    response.setHeader('Access-Control-Allow-Methods', 'GET, POST, DELETE');
    if (request.method === 'OPTIONS') {
      response.writeHead(204).end();
      return;
    }
    const seen: Received = {
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      authorization: request.headers.authorization,
      body: await bodyOf(request),
    };
    received.push(seen);
    const key = `${seen.method} ${seen.path}`;
    const route = routes.get(key);
    let reply = typeof route === 'function' ? route(seen) : route;
    if (typeof route === 'function' && reply) {
      try {
        assertReplyMatchesContract(key, reply);
      } catch (error) {
        if (!(error instanceof ContractDriftError)) throw error;
        drifts.push(error);
        reply = { status: 500, body: error.message, contentType: 'text/plain' };
      }
    }
    const { status, body, contentType } = reply ?? {
      status: 404,
      body: { type: 'about:blank', title: 'Not found', status: 404, code: 'PET_NOT_FOUND' },
      contentType: 'application/problem+json',
    };
    response.writeHead(
      status,
      body === undefined ? {} : { 'content-type': contentType ?? 'application/json' },
    );
    response.end(body === undefined ? undefined : JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    reply: (route, reply) => {
      if (typeof reply !== 'function') assertReplyMatchesContract(route, reply);
      routes.set(route, reply);
    },
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close(() => (drifts[0] ? reject(drifts[0]) : resolve()));
      }),
  };
}
