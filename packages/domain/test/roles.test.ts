import { permissionValues } from '@petstore/api-contract/types';
import { describe, expect, it } from 'vitest';
import { connectionRoles, permissionsOf, roleOf, rolePermissions } from '../src/roles';

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
