import type { ConfigurationProblem } from '@petstore/domain/configuration-error';

/** Asymmetric JWS algorithms only: `none` and the HMAC family (HS*) are never accepted. */
export const asymmetricAlgorithms = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
] as const;

export const logLevels = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'CRITICAL', 'SILENT'] as const;

/** The environment as the authorizer uses it, every default applied. */
export interface Env {
  readonly TOKEN_ISSUER: string;
  readonly JWKS_URI: URL;
  readonly AUDIENCE: string;
  readonly ALLOWED_ALGORITHMS: readonly (typeof asymmetricAlgorithms)[number][];
  /** `''` turns the `typ` check off. */
  readonly REQUIRE_TOKEN_TYPE: string;
  readonly PERMISSIONS_CLAIM: string;
  readonly NAME_CLAIM: string;
  readonly CLOCK_TOLERANCE_SECONDS: number;
  readonly MAX_TOKEN_BYTES: number;
  readonly MAX_TOKEN_LIFETIME_SECONDS: number;
  readonly ALLOWED_CLIENT_IDS?: readonly string[];
  readonly JWKS_FILE?: string;
  readonly JWKS_COOLDOWN_SECONDS: number;
  readonly JWKS_TIMEOUT_MS: number;
  readonly LOG_LEVEL: (typeof logLevels)[number];
}

/** A variable's value read, or what is wrong with it. */
type Read<T> = { readonly value: T } | { readonly problem: string };

/** Reads one variable's value (`undefined` when unset). */
type Reader<T> = (value: string | undefined) => Read<T>;

const ok = <T>(value: T): Read<T> => ({ value });
const wrong = (problem: string): Read<never> => ({ problem });

/** A non-empty text, trimmed; `fallback` when unset. */
const text =
  (fallback?: string): Reader<string> =>
  (value) => {
    if (value === undefined) return fallback === undefined ? wrong('required') : ok(fallback);
    const trimmed = value.trim();
    return trimmed === '' ? wrong('must not be blank') : ok(trimmed);
  };

/** An optional non-empty text, trimmed. */
const optionalText: Reader<string | undefined> = (value) =>
  value === undefined ? ok(undefined) : text()(value);

/** A whole number from `min` to `max`, `fallback` when unset. */
const integer =
  (fallback: number, min: number, max: number): Reader<number> =>
  (value) => {
    if (value === undefined) return ok(fallback);
    const number = Number(value);
    if (!Number.isInteger(number)) return wrong(`must be a whole number, not '${value}'`);
    if (number < min || number > max) return wrong(`must be from ${min} to ${max}`);
    return ok(number);
  };

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

const jwksUri: Reader<URL> = (value) => {
  if (value === undefined) return wrong('required');
  if (!URL.canParse(value)) return wrong('must be a URL');
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return wrong('must be an http(s) URL');
  if (url.protocol === 'http:' && !loopbackHosts.has(url.hostname))
    return wrong('must use https (plain http only for a loopback host)');
  return ok(url);
};

/** Comma-separated items, blanks around commas ignored; each must pass `check`. */
const list =
  <T extends string>(check: (item: string) => string | undefined): Reader<readonly T[]> =>
  (value) => {
    const items = (value ?? '').split(',').map((item) => item.trim());
    for (const item of items) {
      const problem = check(item);
      if (problem) return wrong(problem);
    }
    return ok(items as T[]);
  };

const isAlgorithm = (name: string): name is (typeof asymmetricAlgorithms)[number] =>
  (asymmetricAlgorithms as readonly string[]).includes(name);

const algorithms = list<(typeof asymmetricAlgorithms)[number]>((name) =>
  isAlgorithm(name)
    ? undefined
    : `${name} is not allowed: only ${asymmetricAlgorithms.join(', ')} (never none or HS*)`,
);

const clientIds = list<string>((id) =>
  /^[\x21-\x7e]+$/.test(id)
    ? undefined
    : 'each client id must be printable ASCII without spaces; separate them with commas',
);

const mediaType = /^[A-Za-z0-9!#$&^_.+-]+(\/[A-Za-z0-9!#$&^_.+-]+)?$/;

const tokenType: Reader<string> = (value) => {
  const type = (value ?? 'at+jwt').trim();
  return type === '' || mediaType.test(type)
    ? ok(type)
    : wrong('must be a media type such as at+jwt, or empty to disable the check');
};

const logLevel: Reader<(typeof logLevels)[number]> = (value) => {
  const level = (value ?? 'INFO').toUpperCase();
  const known = logLevels.find((name) => name === level);
  return known ? ok(known) : wrong(`must be one of ${logLevels.join(', ')}`);
};

/** Each variable the authorizer reads and how: see the README's configuration table. */
const readers: { readonly [Name in keyof Env]-?: Reader<Env[Name]> } = {
  TOKEN_ISSUER: text(),
  JWKS_URI: jwksUri,
  AUDIENCE: text(),
  ALLOWED_ALGORITHMS: (value) => (value === undefined ? ok(['RS256']) : algorithms(value)),
  REQUIRE_TOKEN_TYPE: tokenType,
  PERMISSIONS_CLAIM: text('permissions'),
  NAME_CLAIM: text('name'),
  CLOCK_TOLERANCE_SECONDS: integer(5, 0, 300),
  MAX_TOKEN_BYTES: integer(8192, 512, 65_536),
  MAX_TOKEN_LIFETIME_SECONDS: integer(86_400, 60, 2_592_000),
  ALLOWED_CLIENT_IDS: (value) => (value === undefined ? ok(undefined) : clientIds(value)),
  JWKS_FILE: optionalText,
  JWKS_COOLDOWN_SECONDS: integer(30, 0, 3600),
  JWKS_TIMEOUT_MS: integer(3000, 100, 29_000),
  LOG_LEVEL: logLevel,
};

/**
 * The authorizer's environment read and checked: every variable's value with its default, or
 * one problem per bad variable (in the order of the README's table). Hand-written rather than a
 * schema library's: it is all the bundle needs, and a cold start imports it.
 *
 * @example
 * readEnv({ TOKEN_ISSUER: 'https://idp', JWKS_URI: 'https://idp/jwks', AUDIENCE: 'api' })
 * // { env: { TOKEN_ISSUER: 'https://idp', ..., ALLOWED_ALGORITHMS: ['RS256'], LOG_LEVEL: 'INFO' } }
 * readEnv({}) // { problems: [{ variable: 'TOKEN_ISSUER', message: 'required' }, ...] }
 */
export function readEnv(
  variables: Readonly<Record<string, string | undefined>>,
): { readonly env: Env } | { readonly problems: readonly ConfigurationProblem[] } {
  const env: Record<string, unknown> = {};
  const problems: ConfigurationProblem[] = [];
  for (const [variable, read] of Object.entries(readers) as [keyof Env, Reader<Env[keyof Env]>][]) {
    const result = read(Object.hasOwn(variables, variable) ? variables[variable] : undefined);
    if ('problem' in result) problems.push({ variable, message: result.problem });
    else if (result.value !== undefined) env[variable] = result.value;
  }
  return problems.length > 0 ? { problems } : { env: env as unknown as Env };
}
