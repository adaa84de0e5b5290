import * as z from 'zod';

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

const algorithms = z
  .string()
  .transform((value) => value.split(',').map((name) => name.trim()))
  .pipe(
    z
      .array(
        z.enum(asymmetricAlgorithms, {
          error: (issue) =>
            `${String(issue.input)} is not allowed: only ${asymmetricAlgorithms.join(', ')} (never none or HS*)`,
        }),
      )
      .min(1),
  );

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

const jwksUri = z
  .url({ protocol: /^https?$/, abort: true })
  .refine(
    (value) => {
      const url = new URL(value);
      return url.protocol === 'https:' || loopbackHosts.has(url.hostname);
    },
    { error: 'must use https (plain http only for a loopback host)' },
  )
  .transform((value) => new URL(value));

const mediaType = /^[A-Za-z0-9!#$&^_.+-]+(\/[A-Za-z0-9!#$&^_.+-]+)?$/;

const seconds = (fallback: number, max: number) =>
  z.coerce.number().int().min(0).max(max).default(fallback);

/** The environment the authorizer reads at cold start; see the README's configuration table. */
export const envSchema = z.object({
  TOKEN_ISSUER: z.string().trim().min(1),
  JWKS_URI: jwksUri,
  AUDIENCE: z.string().trim().min(1),
  ALLOWED_ALGORITHMS: algorithms.default(['RS256']),
  REQUIRE_TOKEN_TYPE: z
    .string()
    .trim()
    .refine((value) => value === '' || mediaType.test(value), {
      error: 'must be a media type such as at+jwt, or empty to disable the check',
    })
    .default('at+jwt'),
  PERMISSIONS_CLAIM: z.string().trim().min(1).default('permissions'),
  NAME_CLAIM: z.string().trim().min(1).default('name'),
  CLOCK_TOLERANCE_SECONDS: seconds(5, 300),
  MAX_TOKEN_BYTES: z.coerce.number().int().min(512).max(65_536).default(8192),
  JWKS_FILE: z.string().trim().min(1).optional(),
  JWKS_COOLDOWN_SECONDS: seconds(30, 3600),
  JWKS_TIMEOUT_MS: z.coerce.number().int().min(100).max(29_000).default(3000),
  LOG_LEVEL: z
    .string()
    .transform((value) => value.toUpperCase())
    .pipe(z.enum(logLevels))
    .default('INFO'),
});

export type Env = z.output<typeof envSchema>;
