import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { parameterOverrides, portValue } from '@petstore/command-line/values';
import { readEnvVarsFile } from '@petstore/gateway';
import { loadTemplate } from '@petstore/gateway/load-template';
import { callerPath } from '../config/caller-path';
import type { StartFlags } from '../config/local-config';
import { repoRoot } from '../config/repo-paths';

/** A mistake on `pnpm start`'s command line: the message names the option (exit 2). */
export class StartOptionError extends Error {
  override readonly name = 'StartOptionError';
  readonly code = 'INVALID_START_OPTION';
}

/** What `pnpm start` was given, as `readCommandLine` parsed it. */
export interface StartValues {
  readonly memory?: boolean | undefined;
  readonly 'no-watch'?: boolean | undefined;
  readonly template?: string | undefined;
  readonly 'parameter-overrides'?: readonly string[] | undefined;
  readonly 'env-vars'?: string | undefined;
  readonly inspect?: string | undefined;
}

const shown = (path: string) => relative(repoRoot, path) || path;

/**
 * `pnpm start`'s flags from its options, each checked before anything starts: the template
 * exists and is one, the overrides are SAM's syntax and name parameters of the template, the
 * env-vars file is SAM's JSON, the debugger port is a port. Paths are the caller's
 * (`callerPath`).
 *
 * @throws {StartOptionError} naming the option and what is wrong.
 * @example
 * await startFlags({ template: 'infra/template.yaml', 'parameter-overrides': ['PartnerQuotaLimit=5'] })
 * // { templatePath: '/.../infra/template.yaml', parameterOverrides: { PartnerQuotaLimit: '5' }, ... }
 */
export async function startFlags(values: StartValues): Promise<StartFlags> {
  const templatePath = values.template ? callerPath(values.template) : undefined;
  if (templatePath && !existsSync(templatePath)) {
    throw new StartOptionError(`--template ${values.template}: no such file`);
  }
  const overrides = parameterOverrides(values['parameter-overrides'] ?? []);
  if (overrides.invalid !== undefined) {
    throw new StartOptionError(
      `--parameter-overrides takes SAM's syntax, 'Name=Value Name2=Value2' (or ParameterKey=Name,ParameterValue=Value), not '${overrides.invalid}'`,
    );
  }
  const overridden = Object.fromEntries(overrides.pairs);
  if (overrides.pairs.length > 0 || templatePath) {
    const path = templatePath ?? `${repoRoot}infra/template.yaml`;
    let declared: string[];
    try {
      declared = Object.keys((await loadTemplate(path)).Parameters ?? {});
    } catch (error) {
      throw new StartOptionError(`--template ${shown(path)}: ${(error as Error).message}`);
    }
    const unknown = Object.keys(overridden).filter((name) => !declared.includes(name));
    if (unknown.length > 0) {
      throw new StartOptionError(
        `--parameter-overrides: ${shown(path)} has no parameter ${unknown.join(', ')} (it has ${declared.join(', ') || 'none'})`,
      );
    }
  }
  let envVars: StartFlags['envVars'];
  if (values['env-vars'] !== undefined) {
    const file = callerPath(values['env-vars']);
    try {
      envVars = { file, environment: readEnvVarsFile(file) };
    } catch (error) {
      const message = (error as Error).message.replace(file, values['env-vars']);
      throw new StartOptionError(`--env-vars ${message}`);
    }
  }
  let inspectPort: number | undefined;
  if (values.inspect !== undefined) {
    inspectPort = portValue(values.inspect);
    if (!inspectPort) {
      throw new StartOptionError(
        `--inspect takes a port above 0, as --inspect=9229 (the first function's debugger; the others take the next ports), not '${values.inspect}'`,
      );
    }
  }
  return {
    memory: values.memory === true,
    noWatch: values['no-watch'] === true,
    ...(templatePath ? { templatePath } : {}),
    parameterOverrides: overridden,
    ...(envVars ? { envVars } : {}),
    ...(inspectPort ? { inspectPort } : {}),
  };
}
