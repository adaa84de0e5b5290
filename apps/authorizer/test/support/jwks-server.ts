import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JWK } from 'jose';

/** A real JWKS endpoint on 127.0.0.1 that counts the requests it gets, path by path. */
export interface JwksServer {
  /** `http://127.0.0.1:<port>/jwks` */
  readonly jwksUri: string;
  readonly origin: string;
  /** Publish these keys at `/jwks` from now on. */
  publish(keys: readonly JWK[]): void;
  /** Answer `/jwks` with this status (and no key set) from now on; `200` restores. */
  failWith(status: number): void;
  requests(path?: string): number;
  /** Stop listening (connections are refused), keeping the port for {@link JwksServer.resume}. */
  stop(): Promise<void>;
  /** Listen again on the same port. */
  resume(): Promise<void>;
  /** Accept requests and never answer them (a hung endpoint), until {@link JwksServer.answer}. */
  hang(): void;
  answer(): void;
  close(): Promise<void>;
}

export async function startJwksServer(keys: readonly JWK[]): Promise<JwksServer> {
  let published = keys;
  let status = 200;
  let hanging = false;
  const counts = new Map<string, number>();
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    counts.set(path, (counts.get(path) ?? 0) + 1);
    if (hanging) return;
    if (path !== '/jwks' || status !== 200) {
      response.writeHead(path === '/jwks' ? status : 404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/jwk-set+json' });
    response.end(JSON.stringify({ keys: published }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    jwksUri: `${origin}/jwks`,
    origin,
    publish: (next) => {
      published = next;
    },
    failWith: (next) => {
      status = next;
    },
    requests: (path = '/jwks') => counts.get(path) ?? 0,
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
    resume: async () => {
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    hang: () => {
      hanging = true;
    },
    answer: () => {
      hanging = false;
    },
    close: async () => {
      if (!server.listening) return;
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
