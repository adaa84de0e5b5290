import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the proxy does with one request: pass it on (changing the answer's headers), or drop it. */
export type ProxyAction =
  | {
      readonly kind: 'forward';
      /** Changes the request's headers before it goes on. */
      readonly rewrite?: (headers: Headers) => void;
      /** The answer's headers to drop, by its status. */
      readonly dropHeaders?: (status: number) => readonly string[];
    }
  | { readonly kind: 'drop' };

/** A proxy in front of an API that answers differently, as a misconfigured deployment would. */
export interface AlteringProxy {
  readonly url: string;
  close(): Promise<void>;
}

// Not passed on: hop-by-hop headers, and what fetch has undone (the length and encoding of the
// body it decoded).
const hopHeaders = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-length',
  'content-encoding',
]);

async function bodyOf(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts a proxy on a free port of 127.0.0.1 that forwards every request to `target` (method,
 * path, headers, body), except what `decide` changes: the request's headers, some answer
 * headers dropped, or the connection closed without an answer (a request that never reached
 * the API).
 *
 * @example
 * const proxy = await startAlteringProxy(stack.apiUrl, () => ({ kind: 'forward', dropHeaders: (status) => status === 401 ? ['access-control-allow-origin'] : [] }));
 */
export async function startAlteringProxy(
  target: string,
  decide: (method: string, path: string) => ProxyAction,
): Promise<AlteringProxy> {
  const server = createServer(async (request, response) => {
    const method = request.method ?? 'GET';
    const path = request.url ?? '/';
    const action = decide(method, path);
    if (action.kind === 'drop') {
      request.socket.destroy();
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (name !== 'host' && !hopHeaders.has(name) && typeof value === 'string') {
        headers.set(name, value);
      }
    }
    action.rewrite?.(headers);
    const body = await bodyOf(request);
    let answer: Response;
    try {
      answer = await fetch(`${target}${path}`, {
        method,
        headers,
        ...(body.length > 0 ? { body } : {}),
      });
    } catch {
      response.writeHead(502).end();
      return;
    }
    const dropped = new Set(action.dropHeaders?.(answer.status) ?? []);
    const outgoing: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!hopHeaders.has(name) && !dropped.has(name)) outgoing[name] = value;
    });
    response.writeHead(answer.status, outgoing);
    response.end(Buffer.from(await answer.arrayBuffer()));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
