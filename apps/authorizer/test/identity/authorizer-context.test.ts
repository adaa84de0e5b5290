import { describe, expect, it } from 'vitest';
import { authorizerContext } from '../../src/identity/authorizer-context';

describe('the context the API reads (A6, A10)', () => {
  it('holds strings only: sub, name, space-separated permissions, token type, client id', () => {
    // Act
    const context = authorizerContext({
      sub: 'sync',
      name: 'sync',
      permissions: ['read:pets', 'purchase:pets'],
      tokenType: 'machine',
      clientId: 'sync',
    });
    // Assess
    expect(context).toEqual({
      sub: 'sync',
      name: 'sync',
      permissions: 'read:pets purchase:pets',
      tokenType: 'machine',
      clientId: 'sync',
    });
    expect(Object.values(context).every((value) => typeof value === 'string')).toBe(true);
  });

  it('no permissions is an empty string, and a user has no clientId key', () => {
    const context = authorizerContext({ sub: 'u', name: 'u', permissions: [], tokenType: 'user' });
    expect(context).toEqual({ sub: 'u', name: 'u', permissions: '', tokenType: 'user' });
  });
});
