import { execFile } from 'node:child_process';

/** What a program printed. */
export interface ProgramOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** How a program failed: its exit code (or signal) and what it printed. */
export class ProgramError extends Error {
  override readonly name = 'ProgramError';

  constructor(
    readonly command: string,
    readonly code: number | string | null,
    readonly output: ProgramOutput,
  ) {
    super(`${command} failed (${code ?? 'killed'}):\n${output.stderr || output.stdout}`);
  }
}

/**
 * Runs a program to its end and resolves with what it printed; rejects with a
 * {@link ProgramError} when it exits non-zero or outlives `timeoutMs`, so a failed step of the
 * dry run says why.
 *
 * @example
 * const { stdout } = await runProgram('pnpm', ['ls', '-r', '--json'], { cwd: repoRoot });
 */
export function runProgram(
  file: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env?: NodeJS.ProcessEnv; readonly timeoutMs?: number },
): Promise<ProgramOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      [...args],
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        if (!error) return resolve({ stdout, stderr });
        const code = typeof error.code === 'number' ? error.code : (error.signal ?? null);
        reject(new ProgramError([file, ...args].join(' '), code, { stdout, stderr }));
      },
    );
  });
}
