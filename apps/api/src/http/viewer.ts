import { anonymousViewer, type Viewer } from '@petstore/domain/pets';
import { roleOf } from '@petstore/domain/roles';
import type { Caller } from './caller';

/**
 * Who reads pets, for deciding whether they may see who bought one (`soldTo`):
 * - token API: the token's `sub`, proven by the authorizer; an admin when the permissions
 *   amount to the admin role;
 * - IAM API: an admin when the session is of `ADMIN_ROLE_NAME`; a buyer session is tied to no
 *   user (its session name is whatever the client gave STS), so it sees no buyer's identity;
 * - anyone else: nobody's.
 *
 * @example
 * viewerOf({ via: 'token', subject: 'amazon-demo|bea', permissions: ['read:pets', 'purchase:pets'], ... })
 * // { isAdmin: false, subject: 'amazon-demo|bea' }
 */
export function viewerOf(caller: Caller): Viewer {
  switch (caller.via) {
    case 'token':
      return { isAdmin: roleOf(caller.permissions) === 'admin', subject: caller.subject };
    case 'iam':
      return { isAdmin: caller.role === 'admin' };
    case 'none':
      return anonymousViewer;
  }
}
