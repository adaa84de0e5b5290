/**
 * What the TOKEN authorizer tells the API about a caller, through API Gateway: the keys of the
 * authorizer result's `context` and how each value is spelled. API Gateway passes the context on
 * as `requestContext.authorizer`, values as strings, and adds the result's `principalId` under
 * that key (packages/gateway/AWS-BEHAVIOR.md A6, A10). The authorizer writes with
 * {@link authorizerContext}; the API reads with {@link tokenIdentityOf}: one definition of both
 * ends.
 */

/** The keys of `requestContext.authorizer` the API reads. */
export const authorizerContextKeys = {
  /** Added by API Gateway: the authorizer result's `principalId`, the token's `sub`. */
  principalId: 'principalId',
  subject: 'sub',
  name: 'name',
  /** The permissions, encoded by {@link encodePermissions}. */
  permissions: 'permissions',
  tokenType: 'tokenType',
  /** Machine tokens only. */
  clientId: 'clientId',
} as const;

/** `user`: a person signed in; `machine`: a client-credentials token. */
export const tokenTypeValues = ['user', 'machine'] as const;
export type TokenType = (typeof tokenTypeValues)[number];

/** A caller as the TOKEN authorizer established them from a verified token. */
export interface TokenIdentity {
  readonly sub: string;
  readonly name: string;
  readonly permissions: readonly string[];
  readonly tokenType: TokenType;
  /** Only for machine (client-credentials) tokens: the OAuth client. */
  readonly clientId?: string;
}

/** The authorizer result's `context`: strings only, so nothing changes through API Gateway. */
export interface AuthorizerContext {
  readonly sub: string;
  readonly name: string;
  /** Space-separated, e.g. `read:pets purchase:pets`; empty when none. */
  readonly permissions: string;
  readonly tokenType: TokenType;
  readonly clientId?: string;
  readonly [key: string]: string | undefined;
}

/**
 * Permissions as one context value: space-separated (permission names have no spaces, as
 * OAuth scopes have none).
 *
 * @example
 * encodePermissions(['read:pets', 'purchase:pets']) // 'read:pets purchase:pets'
 */
export function encodePermissions(permissions: readonly string[]): string {
  return permissions.join(' ');
}

/**
 * The permissions of a context value written by {@link encodePermissions}.
 *
 * @example
 * decodePermissions('read:pets purchase:pets') // ['read:pets', 'purchase:pets']
 * decodePermissions('') // []
 */
export function decodePermissions(text: string): string[] {
  return text.split(' ').filter(Boolean);
}

/**
 * The authorizer result's `context` for an identity.
 *
 * @example
 * authorizerContext({ sub: 'auth0|1', name: 'Ada', permissions: ['read:pets'], tokenType: 'user' })
 * // { sub: 'auth0|1', name: 'Ada', permissions: 'read:pets', tokenType: 'user' }
 */
export function authorizerContext(identity: TokenIdentity): AuthorizerContext {
  const keys = authorizerContextKeys;
  return {
    [keys.subject]: identity.sub,
    [keys.name]: identity.name,
    [keys.permissions]: encodePermissions(identity.permissions),
    [keys.tokenType]: identity.tokenType,
    ...(identity.clientId ? { [keys.clientId]: identity.clientId } : {}),
  };
}

/**
 * The subject API Gateway shows in `requestContext.authorizer`: `principalId`, else `sub`;
 * empty when it shows none.
 *
 * @example
 * authorizerSubject({ principalId: 'auth0|1', sub: 'auth0|1' }) // 'auth0|1'
 * authorizerSubject({}) // ''
 */
export function authorizerSubject(authorizer: Readonly<Record<string, unknown>>): string {
  return (
    textAt(authorizer, authorizerContextKeys.principalId) ||
    textAt(authorizer, authorizerContextKeys.subject)
  );
}

/**
 * The identity in `requestContext.authorizer` as API Gateway delivers the authorizer's result,
 * or `undefined` when it holds no subject ({@link authorizerSubject}) or no token type the
 * authorizer writes. An empty name is the subject.
 *
 * @example
 * tokenIdentityOf({ principalId: 'auth0|1', sub: 'auth0|1', name: 'Ada', permissions: 'read:pets', tokenType: 'user' })
 * // { sub: 'auth0|1', name: 'Ada', permissions: ['read:pets'], tokenType: 'user' }
 */
export function tokenIdentityOf(
  authorizer: Readonly<Record<string, unknown>>,
): TokenIdentity | undefined {
  const keys = authorizerContextKeys;
  const sub = authorizerSubject(authorizer);
  const written = textAt(authorizer, keys.tokenType);
  const tokenType = tokenTypeValues.find((type) => type === written);
  if (!sub || !tokenType) return undefined;
  const clientId = textAt(authorizer, keys.clientId);
  return {
    sub,
    name: textAt(authorizer, keys.name) || sub,
    permissions: decodePermissions(textAt(authorizer, keys.permissions)),
    tokenType,
    ...(clientId ? { clientId } : {}),
  };
}

/** The string at an own key, else empty. */
function textAt(record: Readonly<Record<string, unknown>>, key: string): string {
  const value = Object.hasOwn(record, key) ? record[key] : undefined;
  return typeof value === 'string' ? value : '';
}
