import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What every operation of the adapter needs: a document client and the table's name. */
export interface TableContext {
  readonly documents: DynamoDBDocumentClient;
  readonly tableName: string;
}

/**
 * A document client for `client`, which may already be one.
 *
 * @example
 * const documents = documentClientOf(new DynamoDBClient({ region: 'eu-west-1' }));
 */
export function documentClientOf(
  client: DynamoDBClient | DynamoDBDocumentClient,
): DynamoDBDocumentClient {
  return client instanceof DynamoDBDocumentClient ? client : DynamoDBDocumentClient.from(client);
}

/**
 * Whether `error` is DynamoDB's answer to a condition that did not hold.
 *
 * @example
 * if (isConditionFailure(error)) throw new PetNotFoundError(id);
 */
export function isConditionFailure(error: unknown): error is Error & { Item?: unknown } {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}
