import { type ChildProcess, spawn } from 'node:child_process';
import { plainEnvironment } from './plain-environment';

/** A command started by {@link startPackedCommand}, still running. */
export interface RunningCommand {
  /** What the start line matched (its groups: a URL, a port). */
  readonly ready: RegExpMatchArray;
  /** Everything it printed so far, stdout and stderr in order. */
  output(): string;
  /** Sends SIGTERM and resolves with the exit code (`null`: it ended by the signal). */
  stop(): Promise<number | null>;
}

/**
 * Starts an installed command (a file in `node_modules/.bin`) with plain `node` (no tsx, no
 * loader, the user's environment) and resolves once its output matches `ready`; rejects with its
 * output when it exits first or takes longer than `timeoutMs`.
 *
 * @example
 * const gateway = await startPackedCommand('node_modules/.bin/petstore-gateway',
 *   ['--template', 'template.yaml', '--port', '0'], { cwd, ready: / on (http:\S+)/ });
 * await fetch(`${gateway.ready[1]}/books`);
 * await gateway.stop(); // 0
 */
export function startPackedCommand(
  bin: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly ready: RegExp; readonly timeoutMs?: number },
): Promise<RunningCommand> {
  const child = spawn(process.execPath, [bin, ...args], {
    cwd: options.cwd,
    env: plainEnvironment(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${bin} printed no ${options.ready} in time:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const ready = output.match(options.ready);
      if (!ready) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.on('data', (more: Buffer) => (output += more.toString('utf8')));
      resolve(running(child, ready, () => output, exited));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${bin} exited (${code}) before it was ready:\n${output}`));
    });
  });
}

function running(
  child: ChildProcess,
  ready: RegExpMatchArray,
  output: () => string,
  exited: Promise<number | null>,
): RunningCommand {
  return {
    ready,
    output,
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
