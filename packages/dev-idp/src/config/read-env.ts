import { z } from 'zod';
import { DevIdpConfigError } from '../errors';
import { absoluteUrl, accessTokenMinutes, permissionList, port, urlList } from './schemas';

const envSchema = z
  .object({
    DEV_IDP_HOST: z.string().min(1),
    DEV_IDP_PORT: port,
    DEV_IDP_DATA_DIR: z.string().min(1),
    API_AUDIENCE: absoluteUrl,
    DEV_IDP_ACCESS_TOKEN_MINUTES: accessTokenMinutes,
    DEV_IDP_SPA_REDIRECT_URIS: urlList,
    DEV_IDP_SPA_POST_LOGOUT_URIS: urlList,
    DEV_IDP_M2M_SECRET: z.string().min(16, 'must be at least 16 characters'),
    DEV_IDP_M2M_PERMISSIONS: permissionList,
    DEV_IDP_SEED_USERS: z.string().min(1),
  })
  .partial();

/** The dev-idp's settings found in the environment, validated; unset or empty variables are absent. */
export type DevIdpEnv = z.output<typeof envSchema>;

/**
 * Reads and validates the dev-idp's environment variables.
 *
 * @throws {DevIdpConfigError} naming the first variable that is invalid.
 * @example
 * readDevIdpEnv({ DEV_IDP_PORT: '9100' }) // { DEV_IDP_PORT: 9100 }
 */
export function readDevIdpEnv(env: NodeJS.ProcessEnv): DevIdpEnv {
  const present = Object.keys(envSchema.shape).flatMap((name) => {
    const value = env[name];
    return value === undefined || value === '' ? [] : [[name, value] as const];
  });
  const result = envSchema.safeParse(Object.fromEntries(present));
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new DevIdpConfigError(
    `Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message ?? 'unknown problem'}`,
  );
}
