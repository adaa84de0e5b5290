import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { petTable } from './table';

/**
 * Creates the pets table named `tableName` from `petTable` unless it exists, then waits until it
 * is ACTIVE; resolves with whether this call created it (e.g. to seed a new table). For local
 * runs and tests; on AWS the SAM template creates the table.
 *
 * @example
 * await ensureTable(createDynamoClient({ region, endpoint }), 'pets');
 */
export async function ensureTable(
  client: DynamoDBClient | DynamoDBDocumentClient,
  tableName: string,
): Promise<boolean> {
  // A document client sends the base commands unchanged; the waiter only needs `send`.
  const dynamo = client as DynamoDBClient;
  let created = false;
  if (!(await exists(dynamo, tableName))) {
    try {
      await dynamo.send(new CreateTableCommand({ TableName: tableName, ...petTable }));
      created = true;
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ResourceInUseException')) throw error;
    }
  }
  await waitUntilTableExists(
    { client: dynamo, minDelay: 1, maxDelay: 5, maxWaitTime: 120 },
    { TableName: tableName },
  );
  return created;
}

async function exists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof Error && error.name === 'ResourceNotFoundException') return false;
    throw error;
  }
}
