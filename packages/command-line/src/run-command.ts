import { execFile } from 'node:child_process';

/** How a command run ended: its exit code (0 when it succeeded) and what it printed. */
export interface CommandRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Where and how long a command runs: its folder, its environment, a time limit in ms (0: none; default 60 s). */
export interface RunOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeoutMs?: number;
}

/**
 * Runs a TypeScript command (`node --import tsx <entry> ...args`) as its own process, as a
 * developer would, for the tests of what it prints and how it exits. Never rejects: a non-zero
 * exit is in `code`.
 *
 * @example
 * const { code, stderr } = await runCommand('src/cli.ts', ['--port', 'x'], { cwd: packageDir });
 * // code 2, stderr "--port must be a port number, not 'x'\nUsage: ..."
 */
export function runCommand(
  entry: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandRun> {
  return runProcess(process.execPath, ['--import', 'tsx', entry, ...args], options);
}

/**
 * Runs any program (e.g. pnpm with a script name) the same way as {@link runCommand}.
 *
 * @example
 * const { stdout } = await runProcess('pnpm', ['-s', 'start', '--help'], { cwd: repoRoot });
 */
export function runProcess(
  file: string,
  args: readonly string[],
  options: RunOptions = {},
): Promise<CommandRun> {
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      {
        timeout: options.timeoutMs ?? 60_000,
        ...(options.cwd ? { cwd: options.cwd } : {}),
        ...(options.env ? { env: options.env } : {}),
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}
