import * as z from 'zod';

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

const configSchema = z.object({
  TABLE_NAME: z.string().min(3).max(255),
  ALLOWED_ORIGINS: origins.default([]),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
});

export interface ApiConfig {
  /** The Pets table. */
  readonly tableName: string;
  /** Origins whose browser calls may read responses (`Access-Control-Allow-Origin`); `*` for any. */
  readonly allowedOrigins: readonly string[];
  readonly region: string;
  /** Set locally (dynalite); unset on AWS. */
  readonly dynamoEndpoint?: string;
}

/** Raised at cold start when the environment is wrong; the message names each bad variable. */
export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
  readonly code = 'INVALID_CONFIGURATION';
}

/**
 * Reads the API's configuration from the environment, or throws a {@link ConfigurationError}.
 *
 * @example
 * loadConfig({ TABLE_NAME: 'pets', ALLOWED_ORIGINS: 'http://127.0.0.1:5173' })
 */
export function loadConfig(env: Record<string, string | undefined>): ApiConfig {
  const result = configSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new ConfigurationError(`Invalid API configuration: ${problems.join('; ')}`);
  }
  const { TABLE_NAME, ALLOWED_ORIGINS, AWS_REGION, DYNAMODB_ENDPOINT } = result.data;
  return {
    tableName: TABLE_NAME,
    allowedOrigins: ALLOWED_ORIGINS,
    region: AWS_REGION,
    ...(DYNAMODB_ENDPOINT ? { dynamoEndpoint: DYNAMODB_ENDPOINT } : {}),
  };
}
