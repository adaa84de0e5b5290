import { type ChildProcess, spawn } from 'node:child_process';
import { repoRoot } from '../config/repo-paths';

/** The packages whose build output the template's functions run. */
const filters = ['--filter=@petstore/api', '--filter=@petstore/authorizer'];
const turbo = `${repoRoot}node_modules/.bin/turbo`;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };

/**
 * Builds the Lambda bundles the template points at, through Turborepo (what is fresh comes
 * from its cache at once). Rejects with the build's output when it fails.
 *
 * @example
 * await buildFunctions();
 */
export function buildFunctions(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(turbo, ['run', 'build', ...filters, '--output-logs=errors-only'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk;
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`Building the functions failed:\n${output}`)),
    );
  });
}

/**
 * Rebuilds the bundles when their sources, or the packages they use, change (`turbo watch`);
 * the gateway reloads a function when its bundle changes.
 *
 * @example
 * const watcher = watchFunctions(console.log);
 * // later
 * await watcher.stop();
 */
export function watchFunctions(log: (line: string) => void): { stop(): Promise<void> } {
  const child: ChildProcess = spawn(
    turbo,
    ['watch', 'build', ...filters, '--output-logs=errors-only'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
      detached: true,
    },
  );
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`[build] ${line}`);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.pid === undefined) return resolve();
        child.once('exit', () => resolve());
        // turbo runs the builds as its own children: stop the whole process group.
        process.kill(-child.pid, 'SIGTERM');
      }),
  };
}
