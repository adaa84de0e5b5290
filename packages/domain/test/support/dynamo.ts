import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../../src/dynamodb/ensure-table';
import { startLocalDynamo } from '../../src/dynamodb/local/start-local-dynamo';

export interface TestDynamo {
  /** `http://127.0.0.1:<random port>` */
  readonly endpoint: string;
  readonly client: DynamoDBClient;
  readonly documents: DynamoDBDocumentClient;
  /** This test file's table, created from `petTable`. */
  readonly tableName: string;
  /** A new client on the same endpoint, for tests that watch or alter what it sends. */
  newClient(): DynamoDBClient;
  stop(): Promise<void>;
}

/** Dummy credentials: dynalite checks that requests are signed, not by whom. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Starts an in-memory dynalite on a random loopback port and creates a uniquely named pets
 * table in it. Call it in `beforeAll`, and `stop()` in `afterAll`.
 */
export async function startDynamo(): Promise<TestDynamo> {
  const dynamo = await startLocalDynamo();
  const { endpoint } = dynamo;
  const newClient = () =>
    new DynamoDBClient({ region: 'us-east-1', endpoint, credentials: localCredentials });
  const client = newClient();
  const tableName = `pets-${randomUUID()}`;
  await ensureTable(client, tableName);
  return {
    endpoint,
    client,
    documents: DynamoDBDocumentClient.from(client),
    tableName,
    newClient,
    async stop() {
      client.destroy();
      await dynamo.close();
    },
  };
}
