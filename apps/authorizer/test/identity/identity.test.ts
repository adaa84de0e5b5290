import { permissionValues } from '@petstore/api-contract/types';
import { describe, expect, it } from 'vitest';
import { TokenRejectedError } from '../../src/errors';
import { identityOf } from '../../src/identity/identity';

const options = {
  nameClaim: 'name',
  permissionsClaim: 'permissions',
  knownPermissions: permissionValues,
};

describe('who the caller is', () => {
  it('a user: display name from the name claim, then email, then sub', () => {
    // Act
    const named = identityOf({ sub: 'u1', name: 'Ada', email: 'ada@x.test' }, options);
    const emailed = identityOf({ sub: 'u2', email: 'bob@x.test' }, options);
    const bare = identityOf({ sub: 'u3', name: '' }, options);
    const custom = identityOf({ sub: 'u4', nickname: 'cy' }, { ...options, nameClaim: 'nickname' });
    // Assess
    expect([named.name, emailed.name, bare.name, custom.name]).toEqual([
      'Ada',
      'bob@x.test',
      'u3',
      'cy',
    ]);
  });

  it('permissions from the permissions claim, else from scope; unknown names dropped', () => {
    // Act
    const rbac = identityOf(
      { sub: 'u', permissions: ['purchase:pets', 'read:pets', 'fly'] },
      options,
    );
    const scoped = identityOf({ sub: 'u', scope: 'openid profile read:pets' }, options);
    const both = identityOf({ sub: 'u', permissions: [], scope: 'read:pets' }, options);
    const custom = identityOf(
      { sub: 'u', 'https://petstore/perms': 'create:pets' },
      { ...options, permissionsClaim: 'https://petstore/perms' },
    );
    // Assess
    expect(rbac.permissions).toEqual(['read:pets', 'purchase:pets']);
    expect(scoped.permissions).toEqual(['read:pets']);
    expect(both.permissions).toEqual([]);
    expect(custom.permissions).toEqual(['create:pets']);
  });

  it('a permissions claim of another shape rejects the token', () => {
    for (const permissions of [42, { admin: true }, ['read:pets', 7], null]) {
      expect(() => identityOf({ sub: 'u', permissions }, options)).toThrow(TokenRejectedError);
    }
  });

  it('machine tokens: the client-credentials grant, with the client id', () => {
    // Act: oidc-provider style (sub = client_id) and Auth0 style (sub = <client>@clients, gty)
    const oidc = identityOf({ sub: 'sync', client_id: 'sync', scope: 'read:pets' }, options);
    const auth0 = identityOf(
      { sub: 'bot@clients', azp: 'bot', gty: 'client-credentials', permissions: ['read:pets'] },
      options,
    );
    // Assess
    expect(oidc).toEqual({
      sub: 'sync',
      name: 'sync',
      permissions: ['read:pets'],
      tokenType: 'machine',
      clientId: 'sync',
    });
    expect([auth0.tokenType, auth0.clientId]).toEqual(['machine', 'bot']);
  });

  it('a user token obtained through a client carries no client id', () => {
    // Act
    const user = identityOf(
      { sub: 'database|ada', client_id: 'petstore-web', azp: 'petstore-web' },
      options,
    );
    // Assess
    expect(user.tokenType).toBe('user');
    expect(user).not.toHaveProperty('clientId');
  });
});
