import * as z from 'zod';

/** Raised at cold start when the environment is wrong; the message names each bad variable. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  readonly code = 'INVALID_CONFIGURATION';
}

/**
 * Parses environment variables with `schema`, or throws a {@link ConfigurationError} naming
 * every variable that is missing or wrong.
 *
 * @example
 * const { TABLE_NAME } = parseEnvironment(z.object({ TABLE_NAME: z.string() }), process.env);
 */
export function parseEnvironment<Schema extends z.ZodType>(
  schema: Schema,
  env: Record<string, string | undefined>,
): z.output<Schema> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new ConfigurationError(`Invalid API configuration: ${problems.join('; ')}`);
}

const origins = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  )
  .pipe(
    z.array(
      z.union([
        z.literal('*'),
        z.string().refine((url) => URL.canParse(url) && new URL(url).origin === url, {
          message: 'must be an origin such as https://app.example.com',
        }),
      ]),
    ),
  );

export interface ApiConfig {
  /** Origins whose browser calls may read responses (`Access-Control-Allow-Origin`); `*` for any. */
  readonly allowedOrigins: readonly string[];
}

/**
 * What every handler reads from the environment, or a {@link ConfigurationError}.
 *
 * @example
 * loadConfig({ ALLOWED_ORIGINS: 'http://127.0.0.1:5173' }) // { allowedOrigins: ['http://127.0.0.1:5173'] }
 */
export function loadConfig(env: Record<string, string | undefined>): ApiConfig {
  const { ALLOWED_ORIGINS } = parseEnvironment(
    z.object({ ALLOWED_ORIGINS: origins.default([]) }),
    env,
  );
  return { allowedOrigins: ALLOWED_ORIGINS };
}
