import type { Permission } from '@petstore/api-contract/types';
import { z } from 'zod';
import type { HashingLimits } from '../accounts/hashing-queue';
import type { SignInLimits } from '../accounts/sign-in-throttle';
import { DevIdpConfigError } from '../errors';
import { devIdpDefaults } from './defaults';
import { readDevIdpEnv } from './read-env';
import { absoluteUrl, accessTokenMinutes, permission, port } from './schemas';

export { devIdpDefaults } from './defaults';

/** What a caller may set; each falls back to its environment variable, then to {@link devIdpDefaults}. */
export interface DevIdpOptions {
  /** Interface to listen on (env `DEV_IDP_HOST`, default `127.0.0.1`). */
  readonly host?: string;
  /** Port (env `DEV_IDP_PORT`, default 9000); 0 picks a free one. */
  readonly port?: number;
  /** Throwaway signing keys kept in memory, nothing written to disk. */
  readonly memory?: boolean;
  /** Where the signing keys live (env `DEV_IDP_DATA_DIR`, default `.data/dev-idp` at the repo root). */
  readonly dataDir?: string;
  /** The API identifier (env `API_AUDIENCE`, default `https://api.petstore.local`). */
  readonly audience?: string;
  /** Access token (and ID token) lifetime (env `DEV_IDP_ACCESS_TOKEN_MINUTES`, default 10). */
  readonly accessTokenMinutes?: number;
  /** Redirect URIs of the SPA client (env `DEV_IDP_SPA_REDIRECT_URIS`, comma-separated). */
  readonly spaRedirectUris?: readonly string[];
  /** Post-logout redirect URIs of the SPA client (env `DEV_IDP_SPA_POST_LOGOUT_URIS`). */
  readonly spaPostLogoutRedirectUris?: readonly string[];
  /** Secret of the machine client (env `DEV_IDP_M2M_SECRET`). */
  readonly m2mClientSecret?: string;
  /** Permissions granted to the machine client (env `DEV_IDP_M2M_PERMISSIONS`, default `read:pets`). */
  readonly m2mPermissions?: readonly Permission[];
  /** Seed users file (env `DEV_IDP_SEED_USERS`, default the package's `seed-users.json`). */
  readonly seedUsersFile?: string;
  /** Clients whose consent is granted without a page (first-party), default the SPA client. */
  readonly autoConsentClients?: readonly string[];
  /** Failed sign-in limits per email and per client address (default 5 and 20 per 15 minutes). */
  readonly signInLimits?: SignInLimits;
  /** Password hashes at once and waiting (default 2 and 32). */
  readonly passwordHashing?: HashingLimits;
}

/** The settings the dev-idp runs with, every value resolved. */
export interface DevIdpConfig {
  readonly host: string;
  readonly port: number;
  /** `undefined` when the keys live in memory only. */
  readonly dataDir: string | undefined;
  readonly audience: string;
  readonly accessTokenMinutes: number;
  readonly spa: {
    readonly clientId: string;
    readonly redirectUris: readonly string[];
    readonly postLogoutRedirectUris: readonly string[];
  };
  readonly m2m: {
    readonly clientId: string;
    readonly clientSecret: string;
    readonly permissions: readonly Permission[];
  };
  readonly seedUsersFile: string;
  readonly autoConsentClients: readonly string[];
  readonly signInLimits: SignInLimits;
  readonly passwordHashing: HashingLimits;
}

const positiveInt = z.int().min(1);
const throttleRule = z.object({
  maxFailures: positiveInt,
  windowSeconds: positiveInt,
  lockoutSeconds: positiveInt,
});

const optionsSchema = z
  .object({
    host: z.string().min(1),
    port,
    memory: z.boolean(),
    dataDir: z.string().min(1),
    audience: absoluteUrl,
    accessTokenMinutes,
    spaRedirectUris: z.array(absoluteUrl).min(1),
    spaPostLogoutRedirectUris: z.array(absoluteUrl).min(1),
    m2mClientSecret: z.string().min(16),
    m2mPermissions: z.array(permission),
    seedUsersFile: z.string().min(1),
    autoConsentClients: z.array(z.string()),
    signInLimits: z.object({ perAccount: throttleRule, perAddress: throttleRule }),
    passwordHashing: z.object({ maxConcurrent: positiveInt, maxWaiting: z.int().min(0) }),
  })
  .partial();

function validateOptions(options: DevIdpOptions): void {
  const result = optionsSchema.safeParse(options);
  if (result.success) return;
  const issue = result.error.issues[0];
  throw new DevIdpConfigError(
    `Option ${issue?.path.join('.')} is invalid: ${issue?.message ?? 'unknown problem'}`,
  );
}

/**
 * Resolves the dev-idp's settings: options first, then environment variables, then defaults.
 *
 * @throws {DevIdpConfigError} naming the option or environment variable that is invalid.
 * @example
 * resolveDevIdpConfig({ port: 0, memory: true }).audience // 'https://api.petstore.local'
 */
export function resolveDevIdpConfig(
  options: DevIdpOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): DevIdpConfig {
  validateOptions(options);
  const fromEnv = readDevIdpEnv(env);
  const d = devIdpDefaults;
  return {
    host: options.host ?? fromEnv.DEV_IDP_HOST ?? d.host,
    port: options.port ?? fromEnv.DEV_IDP_PORT ?? d.port,
    dataDir: options.memory
      ? undefined
      : (options.dataDir ?? fromEnv.DEV_IDP_DATA_DIR ?? d.dataDir),
    audience: options.audience ?? fromEnv.API_AUDIENCE ?? d.audience,
    accessTokenMinutes:
      options.accessTokenMinutes ?? fromEnv.DEV_IDP_ACCESS_TOKEN_MINUTES ?? d.accessTokenMinutes,
    spa: {
      clientId: d.spaClientId,
      redirectUris:
        options.spaRedirectUris ?? fromEnv.DEV_IDP_SPA_REDIRECT_URIS ?? d.spaRedirectUris,
      postLogoutRedirectUris:
        options.spaPostLogoutRedirectUris ??
        fromEnv.DEV_IDP_SPA_POST_LOGOUT_URIS ??
        d.spaPostLogoutRedirectUris,
    },
    m2m: {
      clientId: d.m2mClientId,
      clientSecret: options.m2mClientSecret ?? fromEnv.DEV_IDP_M2M_SECRET ?? d.m2mClientSecret,
      permissions: options.m2mPermissions ?? fromEnv.DEV_IDP_M2M_PERMISSIONS ?? d.m2mPermissions,
    },
    seedUsersFile: options.seedUsersFile ?? fromEnv.DEV_IDP_SEED_USERS ?? d.seedUsersFile,
    autoConsentClients: options.autoConsentClients ?? [d.spaClientId],
    signInLimits: options.signInLimits ?? d.signInLimits,
    passwordHashing: options.passwordHashing ?? d.passwordHashing,
  };
}
