import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type LocalConfig, portVariables } from '../../src/config/local-config';
import { freePort } from './free-port';

const cli = fileURLToPath(new URL('../../src/cli/start.ts', import.meta.url));

export interface StackProcess {
  readonly apiUrl: string;
  readonly issuer: string;
  readonly webOrigin: string;
  readonly iamApiUrl: string;
  readonly partnerApiUrl: string;
  readonly stsUrl: string;
  readonly ports: LocalConfig['ports'];
  /**
   * Its DATA_DIR: the one given, or (with `--memory`) a folder of its own where it records
   * itself, so that a test's stack never shows in the repository's `.data/stacks/`.
   */
  readonly dataDir: string;
  /**
   * The environment of a second terminal pointed at this stack as a developer's is: only its
   * DATA_DIR, where the commands find its record (and its ports).
   */
  readonly terminal: NodeJS.ProcessEnv;
  readonly child: ChildProcess;
  /** Everything it printed so far. */
  output(): string;
  /** Ctrl-C, as a developer would; resolves with the exit code. */
  stop(): Promise<number | null>;
  /** Sends a signal; resolves with how the process ended. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves with how the process ended (whatever ended it). */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StackProcessOptions {
  /** Keep data here; without it the stack runs with `--memory`. */
  readonly dataDir?: string;
  readonly ports?: Partial<StackProcess['ports']>;
  /** Rebuild on source changes (`turbo watch`), as `pnpm start` does by default; off unless set. */
  readonly watch?: boolean;
  /**
   * Run it under a parent process, as `pnpm start` runs it under pnpm and tsx; `child` is then
   * that parent.
   */
  readonly underParent?: boolean;
  /** More variables for `pnpm start` (e.g. `PARTNER_QUOTA_LIMIT`). */
  readonly environment?: Readonly<Record<string, string>>;
  /** More arguments for `pnpm start` (e.g. `--inspect=9300`). */
  readonly args?: readonly string[];
}

/** A parent that only runs its arguments as a child (`node -e parent -- ...args`). */
const parent =
  "require('node:child_process').spawn(process.execPath, process.argv.slice(1), { stdio: 'inherit' })";

/**
 * Runs `pnpm start` as its own process (`--no-watch` unless `watch`, free ports) and resolves once it says it is
 * up, or rejects with what it printed if it exits first.
 */
export async function startStackProcess(options: StackProcessOptions = {}): Promise<StackProcess> {
  const ports = {} as Record<keyof LocalConfig['ports'], number>;
  for (const name of Object.keys(portVariables) as (keyof LocalConfig['ports'])[]) {
    ports[name] = options.ports?.[name] ?? (await freePort());
  }
  const args = [
    '--import',
    'tsx',
    cli,
    ...(options.watch ? [] : ['--no-watch']),
    ...(options.dataDir ? [] : ['--memory']),
    ...(options.args ?? []),
  ];
  const ownFolder = options.dataDir ? undefined : mkdtempSync(join(tmpdir(), 'petstore-records-'));
  const dataDir = options.dataDir ?? (ownFolder as string);
  const child = spawn(
    process.execPath,
    options.underParent ? ['-e', parent, '--', ...args] : args,
    {
      env: {
        ...process.env,
        ...portEnvironment(ports),
        DATA_DIR: dataDir,
        ...options.environment,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      if (ownFolder) rmSync(ownFolder, { recursive: true, force: true });
      resolve({ code, signal });
    }),
  );
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes('the local stack is up')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`pnpm start exited (${code}) before it was up:\n${output}`)),
    );
  });
  await ready;
  return {
    apiUrl: `http://127.0.0.1:${ports.api}`,
    iamApiUrl: `http://127.0.0.1:${ports.iamApi}`,
    partnerApiUrl: `http://127.0.0.1:${ports.partnerApi}`,
    stsUrl: `http://127.0.0.1:${ports.sts}`,
    issuer: `http://127.0.0.1:${ports.idp}`,
    webOrigin: `http://127.0.0.1:${ports.web}`,
    ports,
    dataDir,
    terminal: { ...withoutPortVariables(process.env), DATA_DIR: dataDir },
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      const exited = once(child, 'exit');
      child.kill('SIGINT');
      const [code] = (await exited) as [number | null];
      return code;
    },
    exited: ended,
    async kill(signal) {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return ended;
    },
  };
}

/** The variables that give a stack process its ports, as `pnpm start` reads them. */
export function portEnvironment(ports: LocalConfig['ports']): Record<string, string> {
  return Object.fromEntries(
    (Object.keys(portVariables) as (keyof LocalConfig['ports'])[]).map((name) => [
      portVariables[name],
      String(ports[name]),
    ]),
  );
}

/** The environment without any of the stack's port variables (a developer's second terminal). */
export function withoutPortVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const variables = new Set(Object.values(portVariables));
  return Object.fromEntries(Object.entries(env).filter(([name]) => !variables.has(name)));
}
