import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type Gateway, startGateway } from '../../src/start-gateway';
import { fixtures } from '../support/start-fixture';

// The gateway's `inspect` option (the command's --inspect): each function's execution environment
// opens its own Node.js inspector (node:inspector's open() in the worker thread), so that a
// debugger attached at that port over the DevTools protocol sees the handler's script and stops
// at its breakpoints. The command runs as its own process, as a developer runs it: Node prints
// "Debugger attached." there.
const packageDir = fileURLToPath(new URL('../..', import.meta.url));
const templatePath = join(fixtures, 'local-tools', 'template.yaml');
const client = join(fixtures, 'local-tools', 'inspector-client.mjs');
const handlerLine = 17; // chatty/index.mjs: `const answer = ...`

const started: ChildProcess[] = [];
let gateway: Gateway | undefined;
let blocker: Server | undefined;
afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      await once(child, 'exit');
    }
  }
  blocker?.close();
  await gateway?.close();
});

function listenOn(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Two free ports in a row (below the ephemeral range), for the fixture's two functions. */
async function twoFreePorts(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const held = [await listenOn(port), await listenOn(port + 1)];
    await Promise.all(held.map((server) => server && new Promise((r) => server.close(r))));
    if (held.every(Boolean)) return port;
  }
  throw new Error('no two free ports in a row');
}

/** Runs `gateway --template <fixture> --port 0 --inspect=<port>`; resolves once both debuggers are announced. */
async function startCommand(port: number) {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/cli.ts',
      '--template',
      templatePath,
      '--port',
      '0',
      `--inspect=${port}`,
    ],
    { cwd: packageDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.push(child);
  let output = '';
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      output += chunk;
      if ((output.match(/debugger at/g) ?? []).length === 2) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the gateway exited (${code}):\n${output}`)));
  });
  const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1] ?? '';
  return { child, url, output: () => output };
}

/** Attaches the fixture debugger to `port`, with a breakpoint at the handler's line. */
function attachDebugger(port: number, holdMs: number) {
  // Node 20 has its WebSocket client behind a flag; Node 22 and later have it on.
  const flags = typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [];
  const child = spawn(
    process.execPath,
    [...flags, client, String(port), 'chatty/index.mjs', String(handlerLine), String(holdMs)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  started.push(child);
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[
    Symbol.asyncIterator
  ]();
  return { exited, step: async () => JSON.parse(String((await lines.next()).value)) };
}

describe('a gateway started with inspect', () => {
  it('gives each function a debugger port, from the given one up, in template order', async () => {
    const port = await twoFreePorts();
    gateway = await startGateway({
      templatePath,
      inspect: { port },
      logger: { access: () => {}, functionLog: () => {}, info: () => {}, warn: () => {} },
    });
    expect(gateway.inspectors).toEqual([
      { functionId: 'Chatty', host: '127.0.0.1', port },
      { functionId: 'Quiet', host: '127.0.0.1', port: port + 1 },
    ]);
  });

  it('stops at a breakpoint in the handler, and the call, paused past its Timeout, answers once resumed', async () => {
    // Prepare: `gateway --inspect`, a debugger attached to Chatty's environment, its breakpoint set.
    const port = await twoFreePorts();
    const gatewayCommand = await startCommand(port);
    expect(gatewayCommand.output()).toContain(
      `[gateway] Function Chatty: debugger at 127.0.0.1:${port}`,
    );
    expect(gatewayCommand.output()).toContain(
      `[gateway] Function Quiet: debugger at 127.0.0.1:${port + 1}`,
    );
    // Held 1.5 s: longer than the function's Timeout (1 s), which a debugged call does not have.
    const debuggerClient = attachDebugger(port, 1500);
    const ready = await debuggerClient.step();
    expect(ready).toMatchObject({ ready: true, breakpoints: 1 });
    expect(ready.script).toMatch(/chatty\/index\.mjs$/);

    // Act
    const reply = fetch(`${gatewayCommand.url}/chatty`);
    const paused = await debuggerClient.step();
    const resumed = await debuggerClient.step();
    const response = await reply;

    // Assess
    expect(paused).toEqual({ paused: { inScript: true, line: handlerLine }, path: '/chatty' });
    expect(resumed).toEqual({ resumed: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ path: '/chatty' });
    const [code] = await debuggerClient.exited;
    expect(code).toBe(0);
  });

  it('says which function has no debugger when its port is taken, and still serves it', async () => {
    const port = await twoFreePorts();
    blocker = await listenOn(port);
    const gatewayCommand = await startCommand(port);
    expect(gatewayCommand.output()).toContain(
      `[gateway] warning: Function Chatty: no debugger at 127.0.0.1:${port}: address already in use`,
    );
    expect((await fetch(`${gatewayCommand.url}/chatty`)).status).toBe(200);
  });
});
