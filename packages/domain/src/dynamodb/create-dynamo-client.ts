import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoClientOptions {
  readonly region: string;
  /** Another endpoint than AWS's, e.g. dynalite's `http://127.0.0.1:4567`. */
  readonly endpoint?: string | undefined;
  /** Defaults to the SDK's credential chain (the Lambda role on AWS). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/**
 * A document client for the pets table, on AWS or on a local endpoint.
 *
 * @example
 * const client = createDynamoClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4567' });
 */
export function createDynamoClient(options: DynamoClientOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
  });
  return DynamoDBDocumentClient.from(client);
}
