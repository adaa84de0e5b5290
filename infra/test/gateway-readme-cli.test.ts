import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoFile, repoRoot, section, shellCommands, shellWords } from './support/markdown';

// The gateway README's command line for this repository's template, run as printed (but for its
// port: any free one, `--port 0`, so that it cannot meet a stack of the developer's). It must
// serve the token API, its authorizer and its CORS, and stop on Ctrl-C.
const printed = shellCommands(
  section(repoFile('packages/gateway/README.md'), '## Use').split('CLI (`petstore-gateway`')[1] ??
    '',
)[0];

let gateway: ChildProcess;
let output = '';
let api = '';

beforeAll(async () => {
  expect(printed).toMatch(/^pnpm --filter @petstore\/gateway start .* --port 3000 /);
  // Its own process group, so that Ctrl-C reaches pnpm and what it runs, as in a terminal.
  const [command = '', ...args] = shellWords((printed ?? '').replace('--port 3000', '--port 0'));
  gateway = spawn(command, args, {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /PetsApi \(stage prod\) on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    gateway.stdout?.on('data', onData);
    gateway.stderr?.on('data', onData);
    gateway.once('exit', (code) =>
      reject(new Error(`exited (${code}) before serving:\n${output}`)),
    );
  });
  api = await ready;
}, 120_000);

afterAll(() => {
  // Only when a test failed before Ctrl-C stopped it.
  if (gateway?.exitCode === null && gateway.signalCode === null && gateway.pid)
    process.kill(-gateway.pid, 'SIGKILL');
});

describe("the gateway README's command line for infra/template.yaml", () => {
  it('serves the token API, listing its routes', () => {
    expect(api).not.toMatch(/:0$/);
    expect(output).toContain('GET     /pets -> ListPetsFunction (TokenAuthorizer)');
  });

  it('runs the TOKEN authorizer function: a JWT-shaped token without a signature gets 401, with the CORS origin given', async () => {
    // {"not":"a JWT"}.{"sub":"x"}.sig: the authorizer refuses it before it looks for a key.
    const token = 'eyJub3QiOiJhIEpXVCJ9.eyJzdWIiOiJ4In0.c2ln';
    const response = await fetch(`${api}/pets`, {
      headers: { Authorization: `Bearer ${token}`, Origin: 'http://127.0.0.1:5173' },
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    await expect.poll(() => output).toMatch(/"path":"\/pets","status":401,.*"authorizer":"miss"/);
  });

  it('answers a CORS preflight', async () => {
    const response = await fetch(`${api}/pets`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:5173', 'Access-Control-Request-Method': 'POST' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it('stops on Ctrl-C: exit code 0, no failure printed, no process left behind', async () => {
    const group = gateway.pid as number;
    const exited = new Promise((resolve) =>
      gateway.once('exit', (code, signal) => resolve({ code, signal })),
    );
    process.kill(-group, 'SIGINT');
    // The package's script is `exec node --import tsx ...`: pnpm's one child gets Ctrl-C itself
    // and stops cleanly (with `sh` and tsx's command between, pnpm reported "Command failed with
    // signal SIGINT").
    expect(await exited, output).toEqual({ code: 0, signal: null });
    expect(output).not.toMatch(/ERR_PNPM|ELIFECYCLE|failed/);
    const alive = () => {
      try {
        process.kill(-group, 0);
        return true;
      } catch {
        return false;
      }
    };
    await expect.poll(alive, { timeout: 15_000 }).toBe(false);
  });
});
