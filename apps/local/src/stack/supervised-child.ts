import { type ChildProcessByStdio, spawn } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';

const guard = fileURLToPath(new URL('./child-guard.ts', import.meta.url));

/** A command the stack runs through its guard (`child-guard.ts`). */
export interface SupervisedChild {
  /** The guard's process: its stdout and stderr are the command's. */
  readonly process: ChildProcessByStdio<Writable, Readable, Readable>;
  /** Resolves with the command's exit code. */
  readonly exited: Promise<number | null>;
  /** Stops the command and everything it started; resolves once the guard has exited. */
  stop(): Promise<void>;
}

const running = new Set<SupervisedChild>();

/**
 * Runs a command that stops with the stack whatever way the stack ends: a guard process runs it
 * in its own process group and stops the group when asked, or when the stack dies (the guard's
 * stdin, a pipe from the stack, closes).
 *
 * @example
 * const watcher = spawnSupervised('turbo', ['watch', 'build'], { cwd: repoRoot, env: process.env });
 * watcher.process.stdout.on('data', (chunk) => console.log(String(chunk)));
 * await watcher.stop();
 */
export function spawnSupervised(
  command: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly env: NodeJS.ProcessEnv },
): SupervisedChild {
  const child = spawn(process.execPath, ['--import', 'tsx', guard, command, ...args], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(null));
  });
  const supervised: SupervisedChild = {
    process: child,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
  running.add(supervised);
  void exited.then(() => running.delete(supervised));
  return supervised;
}

/**
 * Stops every supervised command still running (a signal during the start, before the stack
 * can close itself).
 *
 * @example
 * process.on('SIGTERM', () => void stopSupervisedChildren().then(() => process.exit(0)));
 */
export async function stopSupervisedChildren(): Promise<void> {
  await Promise.all([...running].map((child) => child.stop()));
}
