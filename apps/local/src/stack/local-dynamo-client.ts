import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Placeholder credentials: dynalite checks that requests are signed, not by whom. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** An SDK client for the local dynalite. */
export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({ region: 'us-east-1', endpoint, credentials: localCredentials });
}
