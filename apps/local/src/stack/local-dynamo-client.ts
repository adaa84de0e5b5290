import { createDynamoClient } from '@petstore/domain/dynamodb';

/** Placeholder credentials: dynalite checks that requests are signed, not by whom. */
export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' } as const;

/** A document client for the local dynalite. */
export function localDynamoClient(endpoint: string) {
  return createDynamoClient({ region: 'us-east-1', endpoint, credentials: localCredentials });
}
