import * as z from 'zod';
import { defaultDataDir } from './repo-paths';

const port = z.coerce.number().int().min(0).max(65_535);

/** Environment variables of the local stack, each with its default (the README's ports). */
const envSchema = z.object({
  API_PORT: port.default(3000),
  IAM_API_PORT: port.default(3001),
  DEV_IDP_PORT: port.default(9000),
  STS_PORT: port.default(9001),
  WEB_PORT: port.default(5173),
  DYNAMODB_PORT: port.default(8000),
  DATA_DIR: z.string().min(1).default(defaultDataDir),
  WEB_API_MODE: z.enum(['token', 'iam']).default('token'),
});

export interface LocalConfig {
  readonly ports: {
    /** The token API (`PetsApi`). */
    readonly api: number;
    /** The IAM API (`PetsIamApi`, SigV4-signed requests). */
    readonly iamApi: number;
    readonly idp: number;
    readonly sts: number;
    readonly web: number;
    readonly dynamodb: number;
  };
  /** Undefined with `--memory`: nothing is written to disk. */
  readonly dataDir: string | undefined;
  /** Rebuild and reload functions when their sources change. */
  readonly watch: boolean;
  /** Which API the SPA calls: the token API (bearer tokens) or the IAM API (SigV4, STS credentials). */
  readonly webApiMode: 'token' | 'iam';
}

/** Bad configuration; the message names the variable or flag. */
export class LocalConfigError extends Error {
  override readonly name = 'LocalConfigError';
  readonly code = 'INVALID_LOCAL_CONFIGURATION';
}

const flags = ['--memory', '--no-watch'] as const;

/**
 * The local stack's settings from the environment and the command line.
 *
 * @example
 * readLocalConfig(process.env, ['--memory']) // { ports: { api: 3000, ... }, dataDir: undefined, watch: true }
 */
export function readLocalConfig(
  env: Record<string, string | undefined>,
  argv: readonly string[],
): LocalConfig {
  const unknown = argv.filter((arg) => !(flags as readonly string[]).includes(arg));
  if (unknown.length > 0) {
    throw new LocalConfigError(
      `Unknown option ${unknown[0]}; the options are ${flags.join(', ')}.`,
    );
  }
  const present = Object.fromEntries(
    Object.keys(envSchema.shape).flatMap((name) => (env[name] ? [[name, env[name]]] : [])),
  );
  const result = envSchema.safeParse(present);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new LocalConfigError(
      `Environment variable ${String(issue?.path[0])} is invalid: ${issue?.message ?? 'unknown problem'}`,
    );
  }
  const {
    API_PORT,
    IAM_API_PORT,
    DEV_IDP_PORT,
    STS_PORT,
    WEB_PORT,
    DYNAMODB_PORT,
    DATA_DIR,
    WEB_API_MODE,
  } = result.data;
  return {
    ports: {
      api: API_PORT,
      iamApi: IAM_API_PORT,
      idp: DEV_IDP_PORT,
      sts: STS_PORT,
      web: WEB_PORT,
      dynamodb: DYNAMODB_PORT,
    },
    dataDir: argv.includes('--memory') ? undefined : DATA_DIR,
    watch: !argv.includes('--no-watch'),
    webApiMode: WEB_API_MODE,
  };
}

/** The variable that sets each port, for error messages. */
export const portVariables = {
  api: 'API_PORT',
  iamApi: 'IAM_API_PORT',
  idp: 'DEV_IDP_PORT',
  sts: 'STS_PORT',
  web: 'WEB_PORT',
  dynamodb: 'DYNAMODB_PORT',
} as const satisfies Record<keyof LocalConfig['ports'], string>;
