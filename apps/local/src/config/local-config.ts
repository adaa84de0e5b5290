import * as z from 'zod';
import { localPorts, type PortName, portNames } from './local-ports';
import { defaultDataDir, templatePath } from './repo-paths';

const port = z.coerce.number().int().min(0).max(65_535);

/** Environment variables of the local stack, each with its default (the README's ports). */
const envSchema = z.object({
  ...(Object.fromEntries(
    portNames.map((name) => [localPorts[name].variable, port.default(localPorts[name].default)]),
  ) as Record<string, z.ZodDefault<typeof port>>),
  DATA_DIR: z.string().min(1).default(defaultDataDir),
  WEB_API_MODE: z.enum(['token', 'iam']).default('token'),
  PARTNER_QUOTA_LIMIT: z.coerce.number().int().min(1).optional(),
});

export interface LocalConfig {
  /** Each port of `local-ports.json` (`api`: the token API, `iamApi`: the IAM API, `partnerApi`, ...). */
  readonly ports: Readonly<Record<PortName, number>>;
  /** Undefined with `--memory`: nothing is written to disk. */
  readonly dataDir: string | undefined;
  /**
   * `DATA_DIR`, even with `--memory`: where the running stack records itself for the commands of
   * other terminals (`DATA_DIR/stacks/`).
   */
  readonly recordsDir: string;
  /** The SAM template (`--template`; default `infra/template.yaml`). */
  readonly templatePath: string;
  /** Template parameters (`--parameter-overrides`), over the ones the stack sets. */
  readonly parameterOverrides: Readonly<Record<string, string>>;
  /** The `--env-vars` file, if any (read into `environment`). */
  readonly envVarsFile: string | undefined;
  /** Its variables by function logical id (`'*'`: every function), over the stack's own. */
  readonly environment: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** `--inspect`: the first function's debugger port (the others' follow); undefined: none. */
  readonly inspectPort: number | undefined;
  /** Rebuild and reload functions when their sources change. */
  readonly watch: boolean;
  /** Which API the SPA calls: the token API (bearer tokens) or the IAM API (SigV4, STS credentials). */
  readonly webApiMode: 'token' | 'iam';
  /**
   * The partner API key's requests a day (the template's `PartnerQuotaLimit`), to see the quota
   * at work locally; undefined: the template's default.
   */
  readonly partnerQuotaLimit: number | undefined;
}

/** Bad configuration; the message names the variable or flag. */
export class LocalConfigError extends Error {
  override readonly name = 'LocalConfigError';
  readonly code = 'INVALID_LOCAL_CONFIGURATION';
}

/** The flags of `pnpm start` that shape the configuration. */
export interface StartFlags {
  /** `--memory`: nothing is written to disk. */
  readonly memory?: boolean;
  /** `--no-watch`: no rebuilds on source changes. */
  readonly noWatch?: boolean;
  /** `--template`, an absolute path. */
  readonly templatePath?: string;
  /** `--parameter-overrides`. */
  readonly parameterOverrides?: Readonly<Record<string, string>>;
  /** `--env-vars`: the file and what it holds. */
  readonly envVars?: {
    readonly file: string;
    readonly environment: LocalConfig['environment'];
  };
  /** `--inspect[=port]`. */
  readonly inspectPort?: number;
}

/**
 * The local stack's settings from the environment and `pnpm start`'s flags.
 *
 * @example
 * readLocalConfig(process.env, { memory: true }) // { ports: { api: 3000, ... }, dataDir: undefined, watch: true }
 */
export function readLocalConfig(
  env: Record<string, string | undefined>,
  flags: StartFlags = {},
): LocalConfig {
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
    DATA_DIR,
    WEB_API_MODE,
    PARTNER_QUOTA_LIMIT,
    ...variables
  }: Record<string, unknown> & typeof result.data = result.data;
  const ports = Object.fromEntries(
    portNames.map((name) => [name, Number(variables[localPorts[name].variable])]),
  ) as Record<PortName, number>;
  return {
    ports,
    dataDir: flags.memory ? undefined : DATA_DIR,
    recordsDir: DATA_DIR,
    templatePath: flags.templatePath ?? templatePath,
    parameterOverrides: flags.parameterOverrides ?? {},
    envVarsFile: flags.envVars?.file,
    environment: flags.envVars?.environment ?? {},
    inspectPort: flags.inspectPort,
    watch: !flags.noWatch,
    webApiMode: WEB_API_MODE,
    partnerQuotaLimit: PARTNER_QUOTA_LIMIT,
  };
}

export { portVariables } from './local-ports';
