import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ForbiddenError } from './request-errors';

/** Who is calling, as the authorizer established it (never from the request itself). */
export interface Caller {
  readonly subject: string;
  readonly name: string;
  readonly permissions: readonly string[];
  /** The OAuth client, for machine (client credentials) tokens. */
  readonly clientId?: string;
}

/**
 * The caller from `requestContext.authorizer` (AWS-BEHAVIOR.md A10: `principalId` and the
 * authorizer's context, all strings). A request without it has no permissions at all.
 *
 * @example
 * callerOf(event) // { subject: 'auth0|42', name: 'Ada', permissions: ['read:pets'] }
 */
export function callerOf(event: APIGatewayProxyEvent): Caller {
  const context = (event.requestContext?.authorizer ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof context[key] === 'string' ? (context[key] as string) : '');
  const subject = text('principalId') || text('sub');
  const clientId = text('clientId');
  return {
    subject,
    name: text('name') || subject,
    permissions: text('permissions').split(' ').filter(Boolean),
    ...(clientId ? { clientId } : {}),
  };
}

/**
 * Throws a {@link ForbiddenError} unless the caller holds every one of `required`: defence in
 * depth behind the authorizer's policy, which should already have refused the call.
 */
export function requirePermissions(caller: Caller, required: readonly string[]): void {
  const missing = required.filter((permission) => !caller.permissions.includes(permission));
  if (!caller.subject || missing.length > 0) throw new ForbiddenError(missing);
}
