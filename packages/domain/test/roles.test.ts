import { permissionValues } from '@petstore/api-contract/types';
import { describe, expect, it } from 'vitest';
import {
  connectionRoles,
  permissionsOf,
  roleOf,
  roleOfSessionTags,
  rolePermissions,
  roleSessionTags,
  roleTagKey,
  sessionTagsClaim,
} from '../src/roles';

describe('roles', () => {
  it('lets admins read, create and delete pets, and not buy them', () => {
    // Act
    const permissions = permissionsOf('admin');
    // Assess
    expect([...permissions].sort()).toEqual(['create:pets', 'delete:pets', 'read:pets']);
  });

  it('lets buyers read and purchase pets, and not create or delete them', () => {
    // Act
    const permissions = permissionsOf('buyer');
    // Assess
    expect([...permissions].sort()).toEqual(['purchase:pets', 'read:pets']);
  });

  it('grants only permissions the contract declares', () => {
    // Act
    const granted = Object.values(rolePermissions).flat();
    // Assess
    expect(granted.filter((permission) => !permissionValues.includes(permission))).toEqual([]);
  });

  it('makes database users admins and social users buyers', () => {
    // Assess
    expect(connectionRoles).toStrictEqual({ database: 'admin', social: 'buyer' });
  });
});

describe('roleOf', () => {
  it.each([
    [['read:pets', 'create:pets', 'delete:pets'], 'admin'],
    [['read:pets', 'purchase:pets'], 'buyer'],
    [['purchase:pets', 'read:pets'], 'buyer'],
    [['create:pets'], 'admin'],
    [['read:pets', 'create:pets', 'purchase:pets'], 'admin'],
    [['read:pets'], undefined],
    [['delete:pets'], undefined],
    [[], undefined],
    [['Create:Pets', 'purchase'], undefined],
  ])('names %j a %s', (permissions, role) => {
    // Act
    const named = roleOf(permissions);
    // Assess
    expect(named).toBe(role);
  });

  it('is the inverse of permissionsOf for every role', () => {
    // Act
    const roundTrips = Object.keys(rolePermissions).map((role) => [
      role,
      roleOf(permissionsOf(role as keyof typeof rolePermissions)),
    ]);
    // Assess
    expect(roundTrips).toEqual([
      ['admin', 'admin'],
      ['buyer', 'buyer'],
    ]);
  });
});

describe('the role session tag', () => {
  it('is the claim STS reads session tags from, with the PetRole key', () => {
    // Assess
    expect(sessionTagsClaim).toBe('https://aws.amazon.com/tags');
    expect(roleTagKey).toBe('PetRole');
  });

  it.each([
    ['admin', { principal_tags: { PetRole: ['admin'] } }],
    ['buyer', { principal_tags: { PetRole: ['buyer'] } }],
  ] as const)('tags a %s session with its role, as the only value of PetRole', (role, claim) => {
    // Act
    const value = roleSessionTags(role);
    // Assess
    expect(value).toStrictEqual(claim);
  });

  it('gives every role a distinct tag value, so no role trust policy admits another role', () => {
    // Act
    const values = Object.keys(rolePermissions).map(
      (role) => roleSessionTags(role as keyof typeof rolePermissions).principal_tags.PetRole[0],
    );
    // Assess
    expect(new Set(values).size).toBe(Object.keys(rolePermissions).length);
  });

  it('keeps key and value within the limits STS sets on session tags', () => {
    // Prepare: STS takes at most 50 tags, keys of at most 128 and values of at most 256 characters
    const tag = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
    // Act
    const values = Object.keys(rolePermissions).map(
      (role) => roleSessionTags(role as keyof typeof rolePermissions).principal_tags.PetRole[0],
    );
    // Assess
    expect(roleTagKey.length).toBeLessThanOrEqual(128);
    expect(roleTagKey).toMatch(tag);
    for (const value of values) {
      expect(value.length).toBeLessThanOrEqual(256);
      expect(value).toMatch(tag);
    }
  });
});

describe('roleOfSessionTags', () => {
  it('reads back the role of every claim roleSessionTags makes', () => {
    for (const role of Object.keys(rolePermissions) as (keyof typeof rolePermissions)[]) {
      // Act
      const read = roleOfSessionTags({ [sessionTagsClaim]: roleSessionTags(role) });
      // Assess
      expect(read).toBe(role);
    }
  });

  it.each([
    ['no claim', {}],
    ['a claim that is a string', { [sessionTagsClaim]: 'admin' }],
    ['no principal_tags', { [sessionTagsClaim]: { transitive_tag_keys: ['PetRole'] } }],
    ['a bare string value', { [sessionTagsClaim]: { principal_tags: { PetRole: 'admin' } } }],
    ['two values', { [sessionTagsClaim]: { principal_tags: { PetRole: ['admin', 'buyer'] } } }],
    ['an unknown role', { [sessionTagsClaim]: { principal_tags: { PetRole: ['owner'] } } }],
    ['a prototype name', { [sessionTagsClaim]: { principal_tags: { PetRole: ['toString'] } } }],
    ['another key only', { [sessionTagsClaim]: { principal_tags: { Team: ['admin'] } } }],
  ])('gives no role for %s', (_case, payload) => {
    // Act
    const read = roleOfSessionTags(payload);
    // Assess
    expect(read).toBeUndefined();
  });
});
