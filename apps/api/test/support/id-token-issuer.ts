import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Role, roleSessionTags, sessionTagsClaim } from '@petstore/domain/roles';
import { exportJWK, generateKeyPair, importJWK, type JWK, type JWTPayload, SignJWT } from 'jose';

/** What a test file needs to sign ID tokens that the issuer's JWKS verifies. */
export interface IdTokenIssuerInfo {
  readonly issuer: string;
  readonly jwksUri: string;
  /** The SPA's client id: `aud` of the ID tokens. */
  readonly audience: string;
  /** The signing key (RS256), private: test-only, made for this run. */
  readonly privateJwk: JWK;
  /** Its `kid`, as published in the JWKS. */
  readonly kid: string;
}

export interface RunningIdTokenIssuer {
  readonly info: IdTokenIssuerInfo;
  close(): Promise<void>;
}

/**
 * An OpenID provider's key endpoints on a loopback port (0: any free one): discovery and a
 * JWKS with one fresh RS256 key, as the dev-idp serves them. Tokens are signed with
 * {@link signIdToken} in the test files, with exactly the claims a case needs.
 */
export async function startIdTokenIssuer(): Promise<RunningIdTokenIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'RS256' };
  let issuer = '';
  const server = createServer((request, response) => {
    const body =
      request.url === '/jwks'
        ? { keys: [publicJwk] }
        : request.url === '/.well-known/openid-configuration'
          ? { issuer, jwks_uri: `${issuer}/jwks`, id_token_signing_alg_values_supported: ['RS256'] }
          : undefined;
    response.writeHead(body ? 200 : 404, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(body ?? { error: 'not_found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    info: { issuer, jwksUri: `${issuer}/jwks`, audience: 'petstore-web', privateJwk, kid },
    close: () => new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}

export interface IdTokenUser {
  readonly sub: string;
  readonly name?: string;
  readonly email?: string;
  /** The role the identity provider assigned (its session tag); none: no tags claim. */
  readonly role?: Role;
}

export interface SignOptions {
  /** Claims to add or override (`undefined` removes one). */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Header parameters to add or override. */
  readonly header?: Readonly<Record<string, unknown>>;
  /** Seconds from now; negative for a token that has expired. Default 600 (the dev-idp's). */
  readonly expiresIn?: number;
  /** Another private key (same `kid`): a signature the JWKS does not verify. */
  readonly key?: JWK;
}

/**
 * An ID token for `user` as the identity provider issues it after sign-in: RS256 with the
 * JWKS key's `kid`, `iss`, `aud` = the SPA client, `sub`, `name`, `email`, `iat`, `exp`,
 * `auth_time`, and the role's session tags claim (`roleSessionTags` of the domain, which the
 * provider uses too).
 *
 * @example
 * const token = await signIdToken(inject('idTokenIssuer'), { sub: 'amazon-demo|bea', name: 'Bea', role: 'buyer' });
 */
export async function signIdToken(
  issuerInfo: IdTokenIssuerInfo,
  user: IdTokenUser,
  options: SignOptions = {},
): Promise<string> {
  const jwk = options.key ?? issuerInfo.privateJwk;
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = options.expiresIn ?? 600;
  const payload: JWTPayload = {
    sub: user.sub,
    ...(user.name ? { name: user.name } : {}),
    ...(user.email ? { email: user.email } : {}),
    ...(user.role ? { [sessionTagsClaim]: roleSessionTags(user.role) } : {}),
    iss: issuerInfo.issuer,
    aud: issuerInfo.audience,
    iat: Math.min(now, now + expiresIn - 60),
    auth_time: Math.min(now, now + expiresIn - 60),
    exp: now + expiresIn,
    ...options.claims,
  };
  const alg = typeof options.header?.alg === 'string' ? options.header.alg : 'RS256';
  return new SignJWT(payload)
    .setProtectedHeader({ alg, kid: issuerInfo.kid, ...options.header })
    .sign(await importJWK(jwk, alg));
}

/** A private RS256 key that is not in the issuer's JWKS, under the JWKS key's `kid`. */
export async function foreignKey(issuerInfo: IdTokenIssuerInfo): Promise<JWK> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: issuerInfo.kid, alg: 'RS256' };
}
