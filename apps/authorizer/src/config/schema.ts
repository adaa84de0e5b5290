import * as z from 'zod/mini';

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

const algorithms = z.pipe(
  z.pipe(
    z.string(),
    z.transform((value) => value.split(',').map((name) => name.trim())),
  ),
  z
    .array(
      z.enum(asymmetricAlgorithms, {
        error: (issue) =>
          `${String(issue.input)} is not allowed: only ${asymmetricAlgorithms.join(', ')} (never none or HS*)`,
      }),
    )
    .check(z.minLength(1)),
);

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

const jwksUri = z.pipe(
  z.url({ protocol: /^https?$/, abort: true }).check(
    z.refine(
      (value) => {
        const url = new URL(value);
        return url.protocol === 'https:' || loopbackHosts.has(url.hostname);
      },
      { error: 'must use https (plain http only for a loopback host)' },
    ),
  ),
  z.transform((value) => new URL(value)),
);

/** Comma-separated OAuth client ids; blanks around commas are ignored, empty items refused. */
const clientIds = z.pipe(
  z.pipe(
    z.string(),
    z.transform((value) => value.split(',').map((id) => id.trim())),
  ),
  z
    .array(
      z.string().check(
        z.regex(/^[\x21-\x7e]+$/, {
          error: 'each client id must be printable ASCII without spaces; separate them with commas',
        }),
      ),
    )
    .check(z.minLength(1)),
);

const mediaType = /^[A-Za-z0-9!#$&^_.+-]+(\/[A-Za-z0-9!#$&^_.+-]+)?$/;

const text = () => z.string().check(z.trim(), z.minLength(1));

const integer = (fallback: number, min: number, max: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback);

/** The environment the authorizer reads at cold start; see the README's configuration table. */
export const envSchema = z.object({
  TOKEN_ISSUER: text(),
  JWKS_URI: jwksUri,
  AUDIENCE: text(),
  ALLOWED_ALGORITHMS: z._default(algorithms, ['RS256']),
  REQUIRE_TOKEN_TYPE: z._default(
    z.string().check(
      z.trim(),
      z.refine((value) => value === '' || mediaType.test(value), {
        error: 'must be a media type such as at+jwt, or empty to disable the check',
      }),
    ),
    'at+jwt',
  ),
  PERMISSIONS_CLAIM: z._default(text(), 'permissions'),
  NAME_CLAIM: z._default(text(), 'name'),
  CLOCK_TOLERANCE_SECONDS: integer(5, 0, 300),
  MAX_TOKEN_BYTES: integer(8192, 512, 65_536),
  MAX_TOKEN_LIFETIME_SECONDS: integer(86_400, 60, 2_592_000),
  ALLOWED_CLIENT_IDS: z.optional(clientIds),
  JWKS_FILE: z.optional(text()),
  JWKS_COOLDOWN_SECONDS: integer(30, 0, 3600),
  JWKS_TIMEOUT_MS: integer(3000, 100, 29_000),
  LOG_LEVEL: z._default(
    z.pipe(
      z.pipe(
        z.string(),
        z.transform((value) => value.toUpperCase()),
      ),
      z.enum(logLevels),
    ),
    'INFO',
  ),
});

export type Env = z.output<typeof envSchema>;
