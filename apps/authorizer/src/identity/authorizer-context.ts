import type { Identity } from './identity';

/**
 * What the API's handlers read from `requestContext.authorizer` (AWS-BEHAVIOR A6, A10):
 * strings only, so nothing changes on the way through API Gateway.
 */
export interface AuthorizerContext {
  readonly sub: string;
  readonly name: string;
  /** Space-separated, e.g. `read:pets purchase:pets`; empty when none. */
  readonly permissions: string;
  readonly tokenType: Identity['tokenType'];
  /** Machine tokens only. */
  readonly clientId?: string;
  readonly [key: string]: string | undefined;
}

/**
 * The authorizer result's `context` for an identity.
 *
 * @example
 * authorizerContext({ sub: 'auth0|1', name: 'Ada', permissions: ['read:pets'], tokenType: 'user' })
 * // { sub: 'auth0|1', name: 'Ada', permissions: 'read:pets', tokenType: 'user' }
 */
export function authorizerContext(identity: Identity): AuthorizerContext {
  return {
    sub: identity.sub,
    name: identity.name,
    permissions: identity.permissions.join(' '),
    tokenType: identity.tokenType,
    ...(identity.clientId ? { clientId: identity.clientId } : {}),
  };
}
