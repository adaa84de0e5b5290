import type { Me, Permission } from '@petstore/api-contract/types';
import { permissionValues } from '@petstore/api-contract/types';
import { defineHandler } from '../define-handler';

const known = new Set<string>(permissionValues);

/**
 * `GET /me`: the caller as the API sees them: on the token API from the authorizer's context
 * only; on the IAM API the assumed-role ARN as `subject`, the session name as `name`, and the
 * role's permissions.
 */
export const handler = defineHandler('getMe', async ({ caller }) => {
  const me: Me = {
    subject: caller.subject,
    name: caller.name,
    permissions: caller.permissions.filter((p): p is Permission => known.has(p)),
    ...(caller.via === 'token' && caller.clientId ? { clientId: caller.clientId } : {}),
  };
  return { status: 200, body: me };
});
