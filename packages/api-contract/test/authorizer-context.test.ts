import { describe, expect, it } from 'vitest';
import {
  authorizerContext,
  authorizerSubject,
  decodePermissions,
  encodePermissions,
  tokenIdentityOf,
} from '../src/authorizer-context';

describe('the authorizer context, written by the authorizer and read by the API', () => {
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

  it('decodes the permissions it encodes, none included', () => {
    for (const permissions of [[], ['read:pets'], ['read:pets', 'create:pets', 'delete:pets']]) {
      expect(decodePermissions(encodePermissions(permissions))).toEqual(permissions);
    }
  });

  it('reads back the identity it wrote, with the principalId API Gateway adds', () => {
    // Prepare
    const identity = {
      sub: 'sync',
      name: 'Stock sync',
      permissions: ['read:pets'],
      tokenType: 'machine',
      clientId: 'sync',
    } as const;
    // Act
    const read = tokenIdentityOf({ principalId: 'sync', ...authorizerContext(identity) });
    // Assess
    expect(read).toEqual(identity);
  });

  it('takes the subject from principalId first, then sub; none is empty', () => {
    expect(authorizerSubject({ principalId: 'p', sub: 's' })).toBe('p');
    expect(authorizerSubject({ sub: 's' })).toBe('s');
    expect(authorizerSubject({ principalId: 42 })).toBe('');
    expect(authorizerSubject(Object.create({ principalId: 'inherited' }))).toBe('');
  });

  it('reads no identity without a subject or with a token type the authorizer never writes', () => {
    expect(tokenIdentityOf({ name: 'x', permissions: 'read:pets', tokenType: 'user' })).toBe(
      undefined,
    );
    expect(tokenIdentityOf({ principalId: 'u', permissions: 'read:pets' })).toBe(undefined);
    expect(tokenIdentityOf({ principalId: 'u', tokenType: 'admin' })).toBe(undefined);
  });
});
