import { createRemoteJWKSet, errors, type JWTVerifyGetKey } from 'jose';

/** The keys of an OIDC provider could not be fetched (discovery or JWKS): why, for the log. */
export class KeyRetrievalError extends Error {
  override readonly name = 'KeyRetrievalError';
}

export interface OidcKeySourceOptions {
  /** Per HTTP request (discovery, JWKS), in ms. Default 5000. */
  readonly timeoutMs?: number;
}

/**
 * Key getters for jose, one per issuer, found through OIDC discovery
 * (`ISSUER/.well-known/openid-configuration` -> `jwks_uri`). A successful discovery is kept for
 * the life of the process; jose caches the JWKS and fetches it again for an unknown `kid`. A
 * failed discovery is not kept (the next token tries again). Network and HTTP failures become
 * `KeyRetrievalError`; a key that is not in the set stays jose's `JWKSNoMatchingKey`.
 *
 * @example
 * const keys = createOidcKeySource();
 * await jwtVerify(token, keys.forIssuer('http://127.0.0.1:9000'), { algorithms: ['RS256'] });
 */
export function createOidcKeySource(options: OidcKeySourceOptions = {}) {
  const timeoutMs = options.timeoutMs ?? 5000;
  const byIssuer = new Map<string, Promise<JWTVerifyGetKey>>();

  async function discover(issuer: string): Promise<JWTVerifyGetKey> {
    const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    let document: unknown;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
      if (response.status !== 200)
        throw new KeyRetrievalError(`discovery ${url} answered HTTP ${response.status}`);
      document = await response.json();
    } catch (error) {
      if (error instanceof KeyRetrievalError) throw error;
      throw new KeyRetrievalError(`discovery ${url} failed: ${describe(error)}`);
    }
    const jwksUri = (document as { jwks_uri?: unknown } | null)?.jwks_uri;
    if (typeof jwksUri !== 'string' || !/^https?:\/\//.test(jwksUri))
      throw new KeyRetrievalError(`discovery ${url} has no http(s) jwks_uri`);
    const remote = createRemoteJWKSet(new URL(jwksUri), { timeoutDuration: timeoutMs });
    return async (header, token) => {
      try {
        return await remote(header, token);
      } catch (error) {
        if (error instanceof errors.JOSEError && !(error instanceof errors.JWKSTimeout)) {
          if (error instanceof errors.JWKSNoMatchingKey) throw error;
          if (error instanceof errors.JWKSMultipleMatchingKeys) throw error;
          if (error instanceof errors.JOSENotSupported) throw error;
        }
        throw new KeyRetrievalError(`JWKS ${jwksUri} failed: ${describe(error)}`);
      }
    };
  }

  return {
    /**
     * jose's key getter for one issuer (discovery runs on first use).
     *
     * @example
     * const getKey = keys.forIssuer(issuer);
     */
    forIssuer(issuer: string): JWTVerifyGetKey {
      return async (header, token) => {
        let pending = byIssuer.get(issuer);
        if (!pending) {
          pending = discover(issuer);
          byIssuer.set(issuer, pending);
          pending.catch(() => byIssuer.delete(issuer));
        }
        const getKey = await pending;
        return getKey(header, token);
      };
    },
  };
}

/** What `createOidcKeySource` returns. */
export type OidcKeySource = ReturnType<typeof createOidcKeySource>;

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return `${error.name}: ${error.message}${cause}`;
  }
  return String(error);
}
