import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PortInUseError } from '../errors';

/**
 * Starts `server` listening and resolves with the actual port (useful with port 0).
 *
 * @throws {PortInUseError} when the port is taken.
 * @example
 * const port = await listen(server, '127.0.0.1', 0);
 */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(host, port) : error);
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * Stops accepting connections, closes the idle and open ones, and resolves once closed.
 *
 * @example
 * await closeServer(server);
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}
