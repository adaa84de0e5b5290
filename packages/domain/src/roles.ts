import type { Permission } from '@petstore/api-contract/types';

export type { Permission } from '@petstore/api-contract/types';

/**
 * What each role may do. The identity provider assigns the role from the sign-in connection
 * (database -> admin, social -> buyer); tokens carry the permissions, never the role.
 */
export const rolePermissions = {
  admin: ['read:pets', 'create:pets', 'delete:pets'],
  buyer: ['read:pets', 'purchase:pets'],
} as const satisfies Record<string, readonly Permission[]>;

export type Role = keyof typeof rolePermissions;

/** How each kind of sign-in connection maps to a role. */
export const connectionRoles = {
  database: 'admin',
  social: 'buyer',
} as const satisfies Record<string, Role>;

export type ConnectionKind = keyof typeof connectionRoles;

/**
 * The permissions a role grants.
 *
 * @example
 * permissionsOf('buyer') // ['read:pets', 'purchase:pets']
 */
export function permissionsOf(role: Role): readonly Permission[] {
  return rolePermissions[role];
}

/**
 * The role a set of permissions amounts to, for display: `admin` if it can create pets,
 * `buyer` if it can purchase, otherwise `undefined`.
 *
 * @example
 * roleOf(['read:pets', 'purchase:pets']) // 'buyer'
 */
export function roleOf(permissions: readonly string[]): Role | undefined {
  if (permissions.includes('create:pets')) return 'admin';
  if (permissions.includes('purchase:pets')) return 'buyer';
  return undefined;
}
