import { repoRoot } from '../config/repo-paths';
import { buildFailureText } from './build-failure';
import { spawnSupervised } from './supervised-child';

/** The packages whose build output the template's functions run. */
const filters = ['--filter=@petstore/api', '--filter=@petstore/authorizer'];
const turbo = `${repoRoot}node_modules/.bin/turbo`;
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1' };

/**
 * Builds the Lambda bundles the template points at, through Turborepo (what is fresh comes
 * from its cache at once). Rejects with what the failed build said (`buildFailureText`). The build stops with
 * the stack, however the stack ends (`spawnSupervised`).
 *
 * @example
 * await buildFunctions();
 */
export async function buildFunctions(): Promise<void> {
  const build = spawnSupervised(turbo, ['run', 'build', ...filters, '--output-logs=errors-only'], {
    cwd: repoRoot,
    env,
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
  };
  build.process.stdout.on('data', collect);
  build.process.stderr.on('data', collect);
  const code = await build.exited;
  if (code !== 0) throw new Error(`the functions do not build.\n${buildFailureText(output)}`);
}

/**
 * Rebuilds the bundles when their sources, or the packages they use, change (`turbo watch`);
 * the gateway reloads a function when its bundle changes. `turbo watch` and the builds it runs
 * stop with the stack, however the stack ends (`spawnSupervised`).
 *
 * @example
 * const watcher = watchFunctions(console.log);
 * // later
 * await watcher.stop();
 */
export function watchFunctions(log: (line: string) => void): { stop(): Promise<void> } {
  const watcher = spawnSupervised(
    turbo,
    ['watch', 'build', ...filters, '--output-logs=errors-only'],
    {
      cwd: repoRoot,
      env,
    },
  );
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) log(`[build] ${line}`);
  };
  watcher.process.stdout.on('data', forward);
  watcher.process.stderr.on('data', forward);
  return { stop: () => watcher.stop() };
}
