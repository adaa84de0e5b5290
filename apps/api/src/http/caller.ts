import {
  authorizerSubject,
  type TokenType,
  tokenIdentityOf,
} from '@petstore/api-contract/authorizer-context';
import { permissionsOf, type Role } from '@petstore/domain/roles';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { parseAssumedRoleArn } from './assumed-role-arn';
import { ForbiddenError } from './request-errors';

/** A caller of the token API, as the TOKEN authorizer established them. */
export interface TokenCaller {
  readonly via: 'token';
  /** The token's `sub` (`principalId`). */
  readonly subject: string;
  readonly name: string;
  readonly permissions: readonly string[];
  /** `user` for a person signed in, `machine` for a client-credentials token. */
  readonly tokenType: TokenType;
  /** The OAuth client, for machine (client credentials) tokens. */
  readonly clientId?: string;
}

/** A caller of the IAM API: a session of an IAM role, as API Gateway verified its signature. */
export interface AssumedRoleCaller {
  readonly via: 'iam';
  /** The assumed-role ARN, `arn:aws:sts::ACCOUNT:assumed-role/ROLE_NAME/SESSION_NAME`. */
  readonly subject: string;
  /** The session name: chosen by the client at STS, so only a name, never proof of a user. */
  readonly name: string;
  /** The role's permissions by the domain's roles; none for a role that is not ours. */
  readonly permissions: readonly string[];
  /** `admin` or `buyer` when the role is `ADMIN_ROLE_NAME` or `BUYER_ROLE_NAME`. */
  readonly role: Role | undefined;
  readonly roleName: string;
  /** The `RoleSessionName` given to STS; for users of the SPA, `roleSessionName(sub)`. */
  readonly sessionName: string;
  readonly accountId: string;
}

/** A request that neither API's authorization explains: it has no permissions at all. */
export interface UnknownCaller {
  readonly via: 'none';
  /** Whatever identity the request showed (for the log), or empty. */
  readonly subject: string;
  readonly name: '';
  /** Always empty. */
  readonly permissions: readonly string[];
  /** Why it is not a caller we know, for the log. */
  readonly reason: string;
}

/** Who is calling, as API Gateway established it (never from the request's own content). */
export type Caller = TokenCaller | AssumedRoleCaller | UnknownCaller;

/**
 * The caller of a proxy event, from either API of the template:
 * - token API: `requestContext.authorizer` (packages/gateway/AWS-BEHAVIOR.md A10: `principalId` and the
 *   authorizer's context, all strings);
 * - IAM API: no authorizer, and `requestContext.identity.userArn` is the assumed-role caller;
 *   its permissions are those of the role `assumedRoles` names it (the domain's roles), none for
 *   any other role, another account's role, or an ARN that is not an assumed role's.
 *
 * A request with neither, or with both, has no permissions at all.
 *
 * @example
 * callerOf(tokenEvent, roles) // { via: 'token', subject: 'auth0|42', name: 'Ada', permissions: ['read:pets'], tokenType: 'user' }
 * callerOf(iamEvent, new Map([['BuyerRole', 'buyer']]))
 * // { via: 'iam', role: 'buyer', roleName: 'BuyerRole', sessionName: 'auth0=7C42', permissions: ['read:pets', 'purchase:pets'], ... }
 */
export function callerOf(
  event: APIGatewayProxyEvent,
  assumedRoles: ReadonlyMap<string, Role>,
): Caller {
  const context = (event.requestContext?.authorizer ?? {}) as Record<string, unknown>;
  const shown = authorizerSubject(context);
  const userArn = event.requestContext?.identity?.userArn;
  if (shown && userArn) return unknown(userArn, 'both an authorizer context and an IAM caller');
  if (userArn) return assumedRoleCaller(userArn, event.requestContext.accountId, assumedRoles);
  if (!shown) return unknown('', 'neither an authorizer context nor an IAM caller');
  const token = tokenIdentityOf(context);
  if (!token)
    return unknown(shown, 'the authorizer context has no token type the authorizer writes');
  return {
    via: 'token',
    subject: token.sub,
    name: token.name,
    permissions: token.permissions,
    tokenType: token.tokenType,
    ...(token.clientId ? { clientId: token.clientId } : {}),
  };
}

function assumedRoleCaller(
  userArn: string,
  apiAccountId: string | undefined,
  assumedRoles: ReadonlyMap<string, Role>,
): Caller {
  const arn = parseAssumedRoleArn(userArn);
  if (!arn) return unknown(userArn, 'the IAM caller is not an assumed role');
  // The roles are the template's own, so a session of the API's account only.
  const role = arn.accountId === apiAccountId ? assumedRoles.get(arn.roleName) : undefined;
  return {
    via: 'iam',
    subject: userArn,
    name: arn.sessionName,
    permissions: role ? permissionsOf(role) : [],
    role,
    roleName: arn.roleName,
    sessionName: arn.sessionName,
    accountId: arn.accountId,
  };
}

function unknown(subject: string, reason: string): UnknownCaller {
  return { via: 'none', subject, name: '', permissions: [], reason };
}

/**
 * Throws a {@link ForbiddenError} unless the caller holds every one of `required`: defence in
 * depth behind the gateway (the authorizer's policy, or the IAM role's), which should already
 * have refused the call.
 *
 * @example
 * requirePermissions(caller, ['purchase:pets']) // throws ForbiddenError for an admin
 */
export function requirePermissions(caller: Caller, required: readonly string[]): void {
  const missing = required.filter((permission) => !caller.permissions.includes(permission));
  if (caller.via === 'none') throw new ForbiddenError(missing, caller.reason);
  if (caller.via === 'iam' && caller.role === undefined) {
    throw new ForbiddenError(
      missing,
      'the assumed role is not ADMIN_ROLE_NAME or BUYER_ROLE_NAME of this account',
    );
  }
  if (!caller.subject || missing.length > 0) throw new ForbiddenError(missing);
}
