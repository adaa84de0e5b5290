import { permissionValues } from '@petstore/api-contract/types';
import { rolePermissions } from '@petstore/domain/roles';
import { expect, it } from 'vitest';
import { permissionLabels, roleLabel } from '../../src/account/role-labels';

it('describes each permission of the contract', () => {
  // Act / Assess
  expect(Object.keys(permissionLabels).sort()).toEqual([...permissionValues].sort());
});

it("names the role the domain's permissions amount to", () => {
  // Act / Assess
  expect(roleLabel(rolePermissions.admin)).toBe('Admin');
  expect(roleLabel(rolePermissions.buyer)).toBe('Buyer');
  expect(roleLabel(['read:pets'])).toBe('Visitor');
});
