import { describe, expect, it } from 'vitest';
import { isStoreUnavailable, unlessUnavailable } from '../../src/dynamodb/store-unavailable';
import { StoreUnavailableError } from '../../src/errors';

const named = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, ...extra });

describe('isStoreUnavailable', () => {
  it.each([
    ['a refused connection', named('Error', { code: 'ECONNREFUSED' })],
    ['a reset connection', named('Error', { code: 'ECONNRESET' })],
    ["the SDK's request timeout", named('TimeoutError', { code: 'ETIMEDOUT' })],
    ['throttling', named('ThrottlingException')],
    ['exceeded throughput', named('ProvisionedThroughputExceededException')],
    ["DynamoDB's internal error", named('InternalServerError')],
    ['any server fault', named('SomethingNew', { $fault: 'server' })],
  ])('is true for %s', (_, error) => {
    expect(isStoreUnavailable(error)).toBe(true);
  });

  it.each([
    ['a failed condition', named('ConditionalCheckFailedException', { $fault: 'client' })],
    ['a missing table', named('ResourceNotFoundException', { $fault: 'client' })],
    ['a bad item', new TypeError('not a pet')],
    ['a string', 'ECONNREFUSED'],
  ])('is false for %s', (_, error) => {
    expect(isStoreUnavailable(error)).toBe(false);
  });
});

describe('unlessUnavailable', () => {
  it('turns an unavailable store into StoreUnavailableError, keeping the cause', async () => {
    const cause = named('TimeoutError');
    const failure = unlessUnavailable(() => Promise.reject(cause));
    await expect(failure).rejects.toBeInstanceOf(StoreUnavailableError);
    await expect(failure).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE', cause });
  });

  it('lets any other error through as it is', async () => {
    const error = named('ConditionalCheckFailedException');
    await expect(unlessUnavailable(() => Promise.reject(error))).rejects.toBe(error);
  });
});
