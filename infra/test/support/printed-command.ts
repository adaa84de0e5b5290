import { type ChildProcess, spawn } from 'node:child_process';
import { runProcess } from '@petstore/command-line/run';
import { expect } from 'vitest';
import { repoFile, repoRoot, section, shellCommands, shellWords } from './markdown';

/**
 * The first shell command after `marker` in a section of a README of the repository.
 *
 * @example
 * printedCommand('packages/gateway/README.md', '## Use', 'CLI (`petstore-gateway`')
 * // 'pnpm --filter @petstore/gateway start --template ../../infra/template.yaml --port 3000 ...'
 */
export function printedCommand(readme: string, heading: string, marker: string): string {
  const after = section(repoFile(readme), heading).split(marker)[1];
  const command = after === undefined ? undefined : shellCommands(after)[0];
  if (!command) throw new Error(`${readme}: no sh block after "${marker}" under ${heading}`);
  return command;
}

/** A printed command, running in its own process group as a terminal's foreground job. */
export interface RunningPrinted {
  /** What matched `ready` in its output. */
  readonly ready: RegExpMatchArray;
  /** Everything it printed so far, stdout and stderr in order. */
  output(): string;
  /** Ctrl-C as a terminal sends it (to the whole group); resolves with how the command ended. */
  ctrlC(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Whether a process of its group is still running. */
  groupAlive(): boolean;
  /** Ends the group at once, if it still runs (after a failed test). */
  kill(): void;
}

/**
 * Runs a command as a shell would split it (no shell between: Ctrl-C reaches pnpm and what it
 * runs, as in a terminal), from the repository root with `env` added to the environment, and
 * resolves once its output matches `ready`; rejects with its output when it exits first.
 *
 * @example
 * const sts = await startPrinted(command, /listening on (http:\S+)/);
 * await sts.ctrlC(); // { code: 0, signal: null }
 */
export async function startPrinted(
  command: string,
  ready: RegExp,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningPrinted> {
  const [file = '', ...args] = shellWords(command);
  const child: ChildProcess = spawn(file, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const group = child.pid as number;
  let output = '';
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const matched = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = ready.exec(output);
      if (match) resolve(match);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    void ended.then(({ code }) => reject(new Error(`${file} exited (${code}) first:\n${output}`)));
  });
  const groupAlive = () => {
    try {
      process.kill(-group, 0);
      return true;
    } catch {
      return false;
    }
  };
  return {
    ready: matched,
    output: () => output,
    ctrlC: () => {
      process.kill(-group, 'SIGINT');
      return ended;
    },
    groupAlive,
    kill: () => {
      if (groupAlive()) process.kill(-group, 'SIGKILL');
    },
  };
}

/**
 * Runs a command that ends by itself, split as a shell would, from the repository root with
 * `env` added; resolves with its standard output, rejects when it fails.
 *
 * @example
 * const { stdout } = await runPrinted('pnpm -s --filter @petstore/dev-idp token admin', { DEV_IDP_PORT: '9300' });
 */
export async function runPrinted(
  command: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ stdout: string; stderr: string }> {
  const [file = '', ...args] = shellWords(command);
  const { code, stdout, stderr } = await runProcess(file, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
  if (code !== 0) throw new Error(`${command} exited ${code}:\n${stderr}`);
  return { stdout, stderr };
}

/**
 * Ctrl-C ends it as a clean stop does: exit code 0, no failure printed by pnpm or the command,
 * no process of its group left.
 */
export async function expectCleanCtrlC(running: RunningPrinted): Promise<void> {
  // The packages' scripts are `exec node --import tsx ...`: pnpm's one child gets Ctrl-C itself
  // and stops cleanly (with `sh` and tsx's command between, pnpm reported "Command failed with
  // signal SIGINT"), and it ignores the second SIGINT pnpm passes on.
  expect(await running.ctrlC(), running.output()).toEqual({ code: 0, signal: null });
  expect(running.output()).not.toMatch(/ERR_PNPM|ELIFECYCLE|failed/);
  await expect.poll(running.groupAlive, { timeout: 15_000 }).toBe(false);
}
