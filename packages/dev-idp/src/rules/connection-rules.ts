import {
  type ConnectionKind,
  connectionRoles,
  type Permission,
  permissionsOf,
  type Role,
} from '@petstore/domain/roles';

export type { ConnectionKind } from '@petstore/domain/roles';

/** The sign-in connections the dev-idp offers, by kind. */
export const connectionKinds = Object.keys(connectionRoles) as readonly ConnectionKind[];

/**
 * The role a connection grants: the server-side rule, never chosen by the client.
 *
 * @example
 * roleForConnection('social') // 'buyer'
 */
export function roleForConnection(connection: ConnectionKind): Role {
  return connectionRoles[connection];
}

/**
 * The permissions a user signed in through `connection` receives.
 *
 * @example
 * permissionsForConnection('database') // ['read:pets', 'create:pets', 'delete:pets']
 */
export function permissionsForConnection(connection: ConnectionKind): readonly Permission[] {
  return permissionsOf(roleForConnection(connection));
}

/**
 * Splits what a client asked for into what the rule allows and what it refuses.
 *
 * @example
 * limitToRule(['read:pets', 'create:pets'], ['read:pets', 'purchase:pets'])
 * // { granted: ['read:pets'], refused: ['create:pets'] }
 */
export function limitToRule(
  requested: Iterable<string>,
  allowed: readonly string[],
): { granted: string[]; refused: string[] } {
  const granted: string[] = [];
  const refused: string[] = [];
  for (const scope of new Set(requested)) {
    (allowed.includes(scope) ? granted : refused).push(scope);
  }
  return { granted, refused };
}
