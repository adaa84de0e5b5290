import { describe, expect, it } from 'vitest';
import { AuthorizerCache } from '../../src/authorizer/authorizer-cache';
import type { AuthorizerOutput } from '../../src/authorizer/authorizer-output';

const output: AuthorizerOutput = {
  principalId: 'u',
  policyDocument: { Version: '2012-10-17', Statement: [] },
  context: {},
  usageIdentifierKey: undefined,
};

describe('AuthorizerCache (A9)', () => {
  it('keeps a result for its TTL on the injected clock, per authorizer and token', () => {
    // Prepare
    let now = 1_000;
    const cache = new AuthorizerCache(() => now);

    // Act
    cache.set('Jwt', 'token', output, 300);
    const fresh = cache.get('Jwt', 'token');
    const otherToken = cache.get('Jwt', 'other');
    const otherAuthorizer = cache.get('Other', 'token');
    now += 300_000;
    const expired = cache.get('Jwt', 'token');

    // Assess
    expect(fresh).toBe(output);
    expect(otherToken).toBeUndefined();
    expect(otherAuthorizer).toBeUndefined();
    expect(expired).toBeUndefined();
  });

  it('keeps nothing with a TTL of 0, and stays within its size', () => {
    // Prepare
    const cache = new AuthorizerCache(() => 0, 2);

    // Act
    cache.set('Jwt', 'zero', output, 0);
    for (const token of ['a', 'b', 'c']) cache.set('Jwt', token, output, 60);

    // Assess
    expect(cache.get('Jwt', 'zero')).toBeUndefined();
    expect(cache.get('Jwt', 'a')).toBeUndefined();
    expect(cache.get('Jwt', 'c')).toBe(output);
  });
});
