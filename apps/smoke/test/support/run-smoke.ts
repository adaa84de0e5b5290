import { fileURLToPath } from 'node:url';
import { type CommandRun, runProcess } from '@petstore/command-line/run';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Runs `pnpm -s smoke ...args` at the repository root, as the README prints it, with `secrets`
 * as its only SMOKE_* variables (none leak in from the shell that runs the tests).
 *
 * @example
 * const { code, stdout } = await runSmokeCommand(['--api', api, '--origin', origin], { SMOKE_ADMIN_TOKEN: admin });
 */
export function runSmokeCommand(
  args: readonly string[],
  secrets: Readonly<Record<string, string>> = {},
): Promise<CommandRun> {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('SMOKE_')),
  );
  const options = { cwd: repoRoot, env: { ...env, ...secrets }, timeoutMs: 120_000 };
  // Under `pnpm test` the pnpm that runs us is known; on its own, the one on the PATH.
  const pnpm = process.env.npm_execpath;
  return pnpm && /pnpm[^/]*\.c?js$/.test(pnpm)
    ? runProcess(process.execPath, [pnpm, '-s', 'smoke', ...args], options)
    : runProcess('pnpm', ['-s', 'smoke', ...args], options);
}

/**
 * The check lines of a report, by verdict: `PASS  name — detail` becomes `{ verdict, name, detail }`.
 *
 * @example
 * checkLines(stdout).filter((line) => line.verdict === 'FAIL')
 */
export function checkLines(
  stdout: string,
): { readonly verdict: string; readonly name: string; readonly detail: string }[] {
  return stdout.split('\n').flatMap((line) => {
    const match = /^ {2}(PASS|FAIL|SKIP) {2}(.+?) — (.*)$/.exec(line);
    return match ? [{ verdict: match[1] ?? '', name: match[2] ?? '', detail: match[3] ?? '' }] : [];
  });
}
