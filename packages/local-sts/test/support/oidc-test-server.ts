import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  type JWK,
  type JWTPayload,
  SignJWT,
} from 'jose';

/** How the test provider answers, switchable during a test. */
export interface OidcTestServerState {
  discoveryStatus: number;
  jwksStatus: number;
  /** Counts requests to each path (to show caching). */
  readonly hits: Map<string, number>;
}

export interface TokenOptions {
  /** Default RS256 with the server's published key. */
  readonly alg?: 'RS256' | 'ES256';
  /** Sign with a key that is not published, under this `kid`. */
  readonly unpublishedKey?: CryptoKey;
  readonly kid?: string;
  /** Seconds from `now` until `exp`; `null` leaves `exp` out. Default 600. */
  readonly expiresIn?: number | null;
  /** Epoch ms used for `iat` and `exp`. Default `Date.now()`. */
  readonly now?: number;
}

/**
 * A small OpenID provider for tests, on 127.0.0.1 port 0: discovery, a JWKS with an RS256 and an
 * ES256 key, and a signer for tokens with any claims (real keys, real signatures).
 */
export async function startOidcTestServer(options: { trailingSlash?: boolean } = {}) {
  const rsa = await generateKeyPair('RS256');
  const ec = await generateKeyPair('ES256');
  const jwks: JWK[] = [
    { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1', alg: 'RS256', use: 'sig' },
    { ...(await exportJWK(ec.publicKey)), kid: 'ec-1', alg: 'ES256', use: 'sig' },
  ];
  const state: OidcTestServerState = { discoveryStatus: 200, jwksStatus: 200, hits: new Map() };
  let origin = '';
  let issuer = '';
  const answer = (path: string): readonly [number, unknown] => {
    if (path === '/.well-known/openid-configuration') {
      if (state.discoveryStatus !== 200) return [state.discoveryStatus, { error: 'down' }];
      const discovery = {
        issuer,
        jwks_uri: `${origin}/keys`,
        id_token_signing_alg_values_supported: ['RS256', 'ES256'],
      };
      return [200, discovery];
    }
    if (path === '/keys') {
      if (state.jwksStatus !== 200) return [state.jwksStatus, { error: 'down' }];
      return [200, { keys: jwks }];
    }
    return [404, { error: 'not found' }];
  };
  const server = createServer((request, response) => {
    const path = request.url ?? '/';
    state.hits.set(path, (state.hits.get(path) ?? 0) + 1);
    const [status, body] = answer(path);
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  issuer = options.trailingSlash ? `${origin}/` : origin;

  return {
    issuer,
    origin,
    port,
    state,
    /** A JWT signed by this provider (or by `unpublishedKey`), `iss` set unless given. */
    async sign(claims: JWTPayload, tokenOptions: TokenOptions = {}): Promise<string> {
      const alg = tokenOptions.alg ?? 'RS256';
      const now = Math.floor((tokenOptions.now ?? Date.now()) / 1000);
      const expiresIn = tokenOptions.expiresIn === undefined ? 600 : tokenOptions.expiresIn;
      const payload: JWTPayload = {
        iss: issuer,
        iat: now,
        ...(expiresIn === null ? {} : { exp: now + expiresIn }),
        ...claims,
      };
      const key = tokenOptions.unpublishedKey ?? (alg === 'RS256' ? rsa.privateKey : ec.privateKey);
      const kid = tokenOptions.kid ?? (alg === 'RS256' ? 'rsa-1' : 'ec-1');
      return new SignJWT(payload).setProtectedHeader({ alg, kid, typ: 'JWT' }).sign(key);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export type OidcTestServer = Awaited<ReturnType<typeof startOidcTestServer>>;
