import { ConfigurationError, configurationProblems } from '@petstore/domain/configuration-error';
import type { Role } from '@petstore/domain/roles';
import * as z from 'zod';

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
  throw new ConfigurationError('API', configurationProblems(result.error.issues));
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

/** An IAM role name as `!Ref` of an `AWS::IAM::Role` gives it: 1 to 64 of `[\w+=,.@-]`. */
const roleName = z
  .string()
  .regex(/^[\w+=,.@-]{1,64}$/, { message: 'must be an IAM role name ([w+=,.@-], 1 to 64)' })
  .optional();

const rolesSchema = z
  .object({ ADMIN_ROLE_NAME: roleName, BUYER_ROLE_NAME: roleName })
  .refine(
    ({ ADMIN_ROLE_NAME, BUYER_ROLE_NAME }) =>
      ADMIN_ROLE_NAME === undefined || ADMIN_ROLE_NAME !== BUYER_ROLE_NAME,
    { message: 'must differ from ADMIN_ROLE_NAME', path: ['BUYER_ROLE_NAME'] },
  );

export interface ApiConfig {
  /** Origins whose browser calls may read responses (`Access-Control-Allow-Origin`); `*` for any. */
  readonly allowedOrigins: readonly string[];
  /**
   * The IAM roles whose sessions call the IAM API, by role name, and the domain role each one
   * stands for. A role not in here has no permissions (nor has any role when it is empty).
   */
  readonly assumedRoles: ReadonlyMap<string, Role>;
}

/**
 * What every handler reads from the environment, or a {@link ConfigurationError}.
 *
 * @example
 * loadConfig({ ALLOWED_ORIGINS: 'http://127.0.0.1:5173', BUYER_ROLE_NAME: 'BuyerRole' })
 * // { allowedOrigins: ['http://127.0.0.1:5173'], assumedRoles: Map { 'BuyerRole' => 'buyer' } }
 */
export function loadConfig(env: Record<string, string | undefined>): ApiConfig {
  const { ALLOWED_ORIGINS, ADMIN_ROLE_NAME, BUYER_ROLE_NAME } = parseEnvironment(
    z.intersection(z.object({ ALLOWED_ORIGINS: origins.default([]) }), rolesSchema),
    env,
  );
  const assumedRoles = new Map<string, Role>();
  if (ADMIN_ROLE_NAME) assumedRoles.set(ADMIN_ROLE_NAME, 'admin');
  if (BUYER_ROLE_NAME) assumedRoles.set(BUYER_ROLE_NAME, 'buyer');
  return { allowedOrigins: ALLOWED_ORIGINS, assumedRoles };
}
