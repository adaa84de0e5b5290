/// <reference path="./dynalite.d.ts" />
import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { surviveAbortedRequests } from './survive-aborted-requests';

export interface LocalDynamoOptions {
  /** Defaults to 127.0.0.1. */
  readonly host?: string;
  /** Defaults to 0: a free port. */
  readonly port?: number;
  /** A folder to keep the data in (LevelDB); in memory when absent. */
  readonly path?: string;
}

export interface LocalDynamo {
  /** e.g. `http://127.0.0.1:8000`, for the SDK's `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts dynalite, an implementation of the DynamoDB protocol, on a loopback port. Tables are
 * created, updated and deleted at once (no CREATING phase). A client that leaves mid-request is
 * dropped; it does not end the process (dynalite alone would throw).
 *
 * @example
 * const dynamo = await startLocalDynamo({ path: '.data/dynamodb' });
 * const client = new DynamoDBClient({ endpoint: dynamo.endpoint, region: 'us-east-1', credentials });
 */
export async function startLocalDynamo(options: LocalDynamoOptions = {}): Promise<LocalDynamo> {
  const host = options.host ?? '127.0.0.1';
  const server = dynalite({
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
    ...(options.path ? { path: options.path } : {}),
  });
  surviveAbortedRequests(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
