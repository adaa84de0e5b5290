import { type CommandRun, runProcess } from '@petstore/command-line/run';
import { repoRoot } from '../../src/config/repo-paths';

/**
 * Runs a script with strict bash (`-euo pipefail`) in the repository, as a second terminal with
 * `env` would: the README's walk-throughs and the banner's lines, as printed. Under `pnpm test`
 * `pnpm` is the one that runs the tests; on its own, the one on the PATH.
 *
 * @example
 * const { code, stdout } = await inSecondTerminal('pnpm -s api-key', { ...process.env, DATA_DIR });
 */
export function inSecondTerminal(script: string, env: NodeJS.ProcessEnv): Promise<CommandRun> {
  const pnpm = process.env.npm_execpath;
  const shim =
    pnpm && /pnpm[^/]*\.c?js$/.test(pnpm)
      ? `pnpm() { ${JSON.stringify(process.execPath)} ${JSON.stringify(pnpm)} "$@"; }\n`
      : '';
  return runProcess('bash', ['-euo', 'pipefail', '-c', shim + script], { cwd: repoRoot, env });
}
