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

/**
 * The ID-token claim from which STS `AssumeRoleWithWebIdentity` takes session tags (its
 * `principal_tags` become the session's `aws:PrincipalTag/*`, and are `aws:RequestTag/*` in the
 * role's trust policy). The identity provider sets it server-side; see {@link roleSessionTags}.
 */
export const sessionTagsClaim = 'https://aws.amazon.com/tags';

/** The session tag naming the caller's role; each role's trust policy requires its own value. */
export const roleTagKey = 'PetRole';

/** The value of {@link sessionTagsClaim} as STS reads it: one value per tag key, in a list. */
export interface RoleSessionTags {
  readonly principal_tags: { readonly [roleTagKey]: readonly [Role] };
}

/**
 * The value of the {@link sessionTagsClaim} claim for a user of `role`.
 *
 * @example
 * roleSessionTags('buyer') // { principal_tags: { PetRole: ['buyer'] } }
 */
export function roleSessionTags(role: Role): RoleSessionTags {
  return { principal_tags: { [roleTagKey]: [role] } };
}

/**
 * The role named by the {@link sessionTagsClaim} claim of a token's payload: its
 * `principal_tags.PetRole` when that is a list of exactly one known role, else `undefined`.
 * The inverse of {@link roleSessionTags}, for whoever reads the claim (the purchase function,
 * the SPA choosing which role to ask STS for, the local command line).
 *
 * @example
 * roleOfSessionTags({ sub: 'x', 'https://aws.amazon.com/tags': roleSessionTags('admin') }) // 'admin'
 * roleOfSessionTags({ sub: 'x' }) // undefined
 */
export function roleOfSessionTags(payload: Readonly<Record<string, unknown>>): Role | undefined {
  const claim = Object.hasOwn(payload, sessionTagsClaim) ? payload[sessionTagsClaim] : undefined;
  if (typeof claim !== 'object' || claim === null || !Object.hasOwn(claim, 'principal_tags')) {
    return undefined;
  }
  const tags: unknown = (claim as { principal_tags: unknown }).principal_tags;
  if (typeof tags !== 'object' || tags === null || !Object.hasOwn(tags, roleTagKey)) {
    return undefined;
  }
  const values: unknown = (tags as Record<string, unknown>)[roleTagKey];
  if (!Array.isArray(values) || values.length !== 1) return undefined;
  const [value] = values as unknown[];
  return typeof value === 'string' && Object.hasOwn(rolePermissions, value)
    ? (value as Role)
    : undefined;
}
