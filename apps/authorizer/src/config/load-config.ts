import { ConfigurationError } from '@petstore/domain/configuration-error';
import { type logLevels, readEnv } from './schema';

export interface AuthorizerConfig {
  /** Exact `iss` a token must carry. */
  readonly issuer: string;
  /** Where the identity provider publishes its signing keys. */
  readonly jwksUri: URL;
  /** The API identifier; the token's `aud` must contain it. */
  readonly audience: string;
  readonly algorithms: readonly string[];
  /** Required `typ` header (e.g. `at+jwt`); `undefined` when the check is off. */
  readonly requiredType?: string;
  readonly permissionsClaim: string;
  readonly nameClaim: string;
  readonly clockToleranceSeconds: number;
  readonly maxTokenBytes: number;
  /** Longest accepted `exp - iat`. */
  readonly maxTokenLifetimeSeconds: number;
  /** OAuth clients whose tokens are accepted (`client_id`, else `azp`); `undefined`: any. */
  readonly allowedClientIds?: readonly string[];
  /** Path of a public JWKS consulted before the remote one. */
  readonly jwksFile?: string;
  readonly jwksCooldownSeconds: number;
  readonly jwksTimeoutMs: number;
  readonly logLevel: (typeof logLevels)[number];
}

/** Variables whose empty value means "unset"; `REQUIRE_TOKEN_TYPE=''` instead turns a check off. */
const emptyMeansUnset = (name: string) => name !== 'REQUIRE_TOKEN_TYPE';

/**
 * Reads the authorizer's configuration from the environment, or throws a
 * {@link ConfigurationError} whose message names each bad variable.
 *
 * @example
 * loadConfig({
 *   TOKEN_ISSUER: 'http://127.0.0.1:9000',
 *   JWKS_URI: 'http://127.0.0.1:9000/jwks',
 *   AUDIENCE: 'https://api.petstore.local',
 * }).algorithms // ['RS256']
 */
export function loadConfig(env: Record<string, string | undefined>): AuthorizerConfig {
  const present = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => value !== '' || !emptyMeansUnset(name)),
  );
  const result = readEnv(present);
  if ('problems' in result) throw new ConfigurationError('authorizer', result.problems);
  const parsed = result.env;
  return {
    issuer: parsed.TOKEN_ISSUER,
    jwksUri: parsed.JWKS_URI,
    audience: parsed.AUDIENCE,
    algorithms: parsed.ALLOWED_ALGORITHMS,
    ...(parsed.REQUIRE_TOKEN_TYPE ? { requiredType: parsed.REQUIRE_TOKEN_TYPE } : {}),
    permissionsClaim: parsed.PERMISSIONS_CLAIM,
    nameClaim: parsed.NAME_CLAIM,
    clockToleranceSeconds: parsed.CLOCK_TOLERANCE_SECONDS,
    maxTokenBytes: parsed.MAX_TOKEN_BYTES,
    maxTokenLifetimeSeconds: parsed.MAX_TOKEN_LIFETIME_SECONDS,
    ...(parsed.ALLOWED_CLIENT_IDS ? { allowedClientIds: parsed.ALLOWED_CLIENT_IDS } : {}),
    ...(parsed.JWKS_FILE ? { jwksFile: parsed.JWKS_FILE } : {}),
    jwksCooldownSeconds: parsed.JWKS_COOLDOWN_SECONDS,
    jwksTimeoutMs: parsed.JWKS_TIMEOUT_MS,
    logLevel: parsed.LOG_LEVEL,
  };
}
