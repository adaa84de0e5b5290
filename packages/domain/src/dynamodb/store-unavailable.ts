import { StoreUnavailableError } from '../errors';

/** Socket errors of an endpoint that is down, unreachable, or dropped the connection. */
const networkCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);

/** DynamoDB's own answers that mean "not now": throttling and its server-side faults. */
const unavailableNames = new Set([
  'TimeoutError',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);

/**
 * Whether `error`, thrown by the SDK once its attempts are spent, says the table is unavailable
 * for now (rather than that the request or the data is wrong).
 *
 * @example
 * isStoreUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })) // true
 * isStoreUnavailable(new Error('ConditionalCheckFailedException')) // false
 */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, $fault } = error as Error & { code?: unknown; $fault?: unknown };
  return (
    unavailableNames.has(error.name) ||
    (typeof code === 'string' && networkCodes.has(code)) ||
    $fault === 'server'
  );
}

/**
 * Runs one operation on the table, turning an unavailable table into a
 * {@link StoreUnavailableError}; every other error passes through as it is.
 *
 * @example
 * const item = await unlessUnavailable(() => documents.send(new GetCommand({ TableName, Key })));
 */
export async function unlessUnavailable<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (isStoreUnavailable(error)) throw new StoreUnavailableError(error);
    throw error;
  }
}
