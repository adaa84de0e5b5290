import { type AddressInfo, createConnection, createServer, type Socket } from 'node:net';

export interface SlowProxy {
  /** `http://127.0.0.1:<port>`, for the SDK's `endpoint`. */
  readonly endpoint: string;
  /** Forward every byte both ways (the default). */
  pass(): void;
  /**
   * Accept connections and requests but forward nothing and answer nothing, as an endpoint too
   * slow to answer does; what was held is dropped when the client gives up.
   */
  hold(): void;
  /**
   * Forward requests to the table but hold its answers, as a table that does the work and
   * answers too late: the client times out although the write was applied.
   */
  holdAnswers(): void;
  /** How many connections the proxy has accepted. */
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * A TCP proxy on a free loopback port in front of `target` (a dynalite's port), which can be
 * made to hold requests instead of forwarding them. A held request never reaches the table.
 *
 * @example
 * const proxy = await startSlowProxy(dynamo.port);
 * proxy.hold(); // calls through proxy.endpoint now time out
 */
export async function startSlowProxy(target: number): Promise<SlowProxy> {
  let holding = false;
  let holdingAnswers = false;
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((client) => {
    connections += 1;
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    if (holding) {
      client.resume(); // read and drop: nothing is forwarded
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: target });
    sockets.add(upstream);
    upstream.on('close', () => {
      sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.pipe(upstream);
    if (holdingAnswers)
      upstream.resume(); // read and drop the answers
    else upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    pass: () => {
      holding = false;
      holdingAnswers = false;
    },
    holdAnswers: () => {
      holdingAnswers = true;
      for (const socket of sockets) socket.destroy();
    },
    hold: () => {
      holding = true;
      // Kept-alive connections would still forward: make the client open new ones.
      for (const socket of sockets) socket.destroy();
    },
    get connections() {
      return connections;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
