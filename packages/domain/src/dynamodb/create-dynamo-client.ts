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
 * How long the API waits for DynamoDB, chosen here and nowhere else. The pets' calls are
 * single-item reads and writes or one index page, answered in milliseconds when the table is
 * well; past these limits it is not, and the caller is better served by a quick 503 than by a
 * Lambda timeout (the template gives the functions 10 s).
 * - `connectionTimeoutMs`: to open a TCP (and TLS) connection; a stopped endpoint refuses at once.
 * - `requestTimeoutMs`: of silence on the socket while waiting for the answer.
 * - `maxAttempts`: the first try and one retry (the SDK's default is 3), for a dropped keep-alive
 *   connection or one throttled call; the SDK's standard retry waits a little in between.
 */
export const dynamoCallLimits = {
  connectionTimeoutMs: 1_000,
  requestTimeoutMs: 1_500,
  maxAttempts: 2,
  /** The SDK's standard retry waits at most this long between attempts (first retry: 100 ms × jitter, capped at 20 s; ours is the first). */
  retryDelayMs: 100,
} as const;

/**
 * The longest a call to the table can take before it fails: every attempt connecting and then
 * waiting in silence for as long as allowed, plus the waits between attempts.
 */
export const dynamoCallBoundMs =
  dynamoCallLimits.maxAttempts *
    (dynamoCallLimits.connectionTimeoutMs + dynamoCallLimits.requestTimeoutMs) +
  (dynamoCallLimits.maxAttempts - 1) * dynamoCallLimits.retryDelayMs;

/**
 * A document client for the pets table, on AWS or on a local endpoint, with the time limits and
 * retries of {@link dynamoCallLimits}.
 *
 * @example
 * const client = createDynamoClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4567' });
 */
export function createDynamoClient(options: DynamoClientOptions): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: options.region,
    maxAttempts: dynamoCallLimits.maxAttempts,
    requestHandler: {
      connectionTimeout: dynamoCallLimits.connectionTimeoutMs,
      requestTimeout: dynamoCallLimits.requestTimeoutMs,
      // Without it the SDK only logs a warning when requestTimeout passes, and goes on waiting.
      throwOnRequestTimeout: true,
    },
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    ...(options.credentials ? { credentials: { ...options.credentials } } : {}),
  });
  return DynamoDBDocumentClient.from(client);
}
