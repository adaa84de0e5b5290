import { roleSessionName } from '@petstore/domain/role-session';
import type { IdTokenUser } from './id-token-issuer';
import { type AssumedRoleSession, roleNames } from './proxy-event';

/** Users as the dev-idp knows them (a seeded database admin, demo social buyers). */
export const users = {
  ada: { sub: 'database|admin', name: 'Ada Admin', email: 'admin@petstore.local', role: 'admin' },
  bea: {
    sub: 'amazon-demo|c840d164c229574e8114d411',
    name: 'Bea Buyer',
    email: 'bea.buyer@example.com',
    role: 'buyer',
  },
  cy: {
    sub: 'amazon-demo|5f0c2a9e7d41b3386a0e12cd',
    name: 'Cy Buyer',
    email: 'cy.buyer@example.com',
    role: 'buyer',
  },
} as const satisfies Record<string, IdTokenUser>;

/**
 * The session the SPA gets from STS for `user` with the role `roleName`:
 * `RoleSessionName` = `roleSessionName(sub)`.
 *
 * @example
 * invoke(handler, { ..., assumedRole: await sessionOf(users.bea) })
 */
export async function sessionOf(
  user: IdTokenUser,
  roleName: string = roleNames[user.role ?? 'buyer'],
): Promise<AssumedRoleSession> {
  return { roleName, sessionName: await roleSessionName(user.sub) };
}
