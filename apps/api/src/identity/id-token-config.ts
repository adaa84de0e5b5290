import * as z from 'zod';
import { parseEnvironment } from '../config';

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

const text = z.string().trim().min(1);

const idTokenSchema = z.object({
  ID_TOKEN_ISSUER: text,
  ID_TOKEN_JWKS_URI: z.url({ protocol: /^https?$/ }).refine(
    (value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || loopbackHosts.has(url.hostname);
    },
    { message: 'must use https (plain http only for a loopback host)' },
  ),
  ID_TOKEN_AUDIENCE: text,
});

export interface IdTokenConfig {
  /** `iss` of the ID tokens, exactly (Auth0's keeps its trailing slash). */
  readonly issuer: string;
  /** The identity provider's JWKS endpoint. */
  readonly jwksUri: URL;
  /** `aud` of the ID tokens: the SPA's client id. */
  readonly audience: string;
}

/**
 * How to verify the users' ID tokens, for the handler that needs them (purchase on the IAM API);
 * throws a `ConfigurationError` naming the variable.
 *
 * @example
 * loadIdTokenConfig({ ID_TOKEN_ISSUER: 'http://127.0.0.1:9000', ID_TOKEN_JWKS_URI: 'http://127.0.0.1:9000/jwks', ID_TOKEN_AUDIENCE: 'petstore-web' })
 * // { issuer: 'http://127.0.0.1:9000', jwksUri: URL('http://127.0.0.1:9000/jwks'), audience: 'petstore-web' }
 */
export function loadIdTokenConfig(env: Record<string, string | undefined>): IdTokenConfig {
  const { ID_TOKEN_ISSUER, ID_TOKEN_JWKS_URI, ID_TOKEN_AUDIENCE } = parseEnvironment(
    idTokenSchema,
    env,
  );
  return {
    issuer: ID_TOKEN_ISSUER,
    jwksUri: new URL(ID_TOKEN_JWKS_URI),
    audience: ID_TOKEN_AUDIENCE,
  };
}
