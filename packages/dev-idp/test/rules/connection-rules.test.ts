import { connectionRoles, rolePermissions } from '@petstore/domain/roles';
import { describe, expect, it } from 'vitest';
import {
  connectionKinds,
  limitToRule,
  permissionsForConnection,
  roleForConnection,
} from '../../src/rules/connection-rules';

describe('connection rules', () => {
  it('make database users admins and social users buyers, from the domain roles', () => {
    // Prepare / Act
    const rules = connectionKinds.map((kind) => [
      kind,
      roleForConnection(kind),
      permissionsForConnection(kind),
    ]);

    // Assess
    expect(rules).toEqual([
      ['database', 'admin', ['read:pets', 'create:pets', 'delete:pets']],
      ['social', 'buyer', ['read:pets', 'purchase:pets']],
    ]);
    expect(rules.map(([kind, role]) => [kind, role])).toEqual(Object.entries(connectionRoles));
    expect(permissionsForConnection('social')).toBe(rolePermissions.buyer);
  });

  it('split a request into what the rule grants and what it refuses', () => {
    // Prepare / Act
    const outcome = limitToRule(
      ['read:pets', 'create:pets', 'delete:pets', 'role:admin', 'read:pets'],
      permissionsForConnection('social'),
    );

    // Assess
    expect(outcome).toEqual({
      granted: ['read:pets'],
      refused: ['create:pets', 'delete:pets', 'role:admin'],
    });
  });
});
