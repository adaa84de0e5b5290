import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config/repo-paths';
import { call } from './support/api-client';
import { freePortRange } from './support/free-port';
import { type StackProcess, startStackProcess } from './support/stack-process';
import { bannerApiKey, tokenFor } from './support/tokens';

// `pnpm start` with the options of `sam local start-api`, as the root README prints them (paths
// from the repository root, where pnpm runs): the template, SAM's --parameter-overrides, the
// example --env-vars file, and a debugger for each function (--inspect).
const client = fileURLToPath(new URL('./support/inspector-client.mjs', import.meta.url));
const functionCount = 8; // infra/template.yaml's functions, each with its debugger port

let stack: StackProcess;
let firstInspectPort: number;
const started: ChildProcess[] = [];

beforeAll(async () => {
  firstInspectPort = await freePortRange(functionCount);
  stack = await startStackProcess({
    args: [
      '--template',
      'infra/template.yaml',
      '--parameter-overrides',
      'PartnerQuotaLimit=2',
      '--env-vars',
      'apps/local/env-vars.example.json',
      `--inspect=${firstInspectPort}`,
    ],
    // Where pnpm ran: the paths are the developer's, from the repository root.
    environment: { INIT_CWD: repoRoot },
  });
}, 120_000);
afterAll(async () => {
  for (const child of started) child.kill();
  await stack?.stop();
});

/** The banner's debugger port of a function. */
function debuggerPort(functionId: string): number {
  const port = new RegExp(`^ {4}${functionId} +127\\.0\\.0\\.1:(\\d+)$`, 'm').exec(
    stack.output(),
  )?.[1];
  if (!port) throw new Error(`The banner lists no debugger of ${functionId}:\n${stack.output()}`);
  return Number(port);
}

describe('pnpm start --template --parameter-overrides --env-vars --inspect', () => {
  it('names the template and the overrides in its banner', () => {
    expect(stack.output()).toContain(
      '  Template            infra/template.yaml PartnerQuotaLimit=2',
    );
  });

  it("serves the template with SAM's --parameter-overrides: PartnerQuotaLimit=2, the third call of the day is 429", async () => {
    const token = await tokenFor(stack, 'm2m');
    const headers = { 'x-api-key': bannerApiKey(stack) };
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      statuses.push((await call(`${stack.partnerApiUrl}/pets`, { token, headers })).status);
    }
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('gives the functions the variables of the --env-vars file: the token API’s authorizer logs warnings only', async () => {
    const buyer = await tokenFor(stack, 'buyer');
    const m2m = await tokenFor(stack, 'm2m');
    await call(`${stack.apiUrl}/pets/9d8c7b6a-5e4f-4a3b-9c2d-1e0f9a8b7c6d`, { token: buyer });
    await call(`${stack.partnerApiUrl}/pets/9d8c7b6a-5e4f-4a3b-9c2d-1e0f9a8b7c6d`, {
      token: m2m,
      headers: { 'x-api-key': bannerApiKey(stack) },
    });
    // Piped: each function line is one JSON object after the [api] prefix.
    const lines = stack
      .output()
      .split('\n')
      .filter((line) => line.startsWith('[api] {'))
      .map((line) => JSON.parse(line.slice('[api] '.length)));
    const authorized = (functionId: string) =>
      lines.filter((line) => line.function === functionId && line.log?.message === 'authorized');
    expect(authorized('PartnerAuthorizerFunction').length).toBeGreaterThan(0);
    expect(authorized('AuthorizerFunction')).toEqual([]);
    expect(lines).toContainEqual(
      expect.objectContaining({
        type: 'function',
        function: 'GetPetFunction',
        log: expect.objectContaining({ message: 'handled' }),
      }),
    );
  });

  it('lists a debugger for each function, from the --inspect port up', () => {
    const ports = ['AuthorizerFunction', 'ListPetsFunction', 'GetMeFunction'].map(debuggerPort);
    expect(
      ports.every((port) => port >= firstInspectPort && port < firstInspectPort + functionCount),
    ).toBe(true);
    expect(new Set(ports).size).toBe(3);
  });

  it("lets a debugger attached at a function's port see its handler's script and stop at a breakpoint in it", {
    timeout: 90_000,
  }, async () => {
    // Prepare: attached to ListPetsFunction's environment, a breakpoint in its handler
    // (apps/api/src/handlers/list-pets.ts: `status: 200, body: await ...`, in the minified bundle).
    const flags = typeof WebSocket === 'undefined' ? ['--experimental-websocket'] : [];
    const attached = spawn(
      process.execPath,
      [
        ...flags,
        client,
        String(debuggerPort('ListPetsFunction')),
        'apps/api/dist/list-pets/index.mjs',
        'status:200,body:await',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    started.push(attached);
    const exited = once(attached, 'exit');
    const steps = createInterface({ input: attached.stdout as NodeJS.ReadableStream })[
      Symbol.asyncIterator
    ]();
    let errors = '';
    attached.stderr?.on('data', (chunk) => {
      errors += chunk;
    });
    // Each step within 20 s, else the test says what the debugger and the stack printed.
    const step = async () => {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new Error(`No debugger step in 20 s: ${errors}\n${stack.output().slice(-3000)}`),
            ),
          20_000,
        );
      });
      const { value, done } = await Promise.race([steps.next(), late]).finally(() =>
        clearTimeout(timer),
      );
      if (done) throw new Error(`The debugger ended: ${errors}`);
      return JSON.parse(String(value));
    };
    // The bundle names its source map (the debugger shows apps/api/src/handlers/list-pets.ts).
    expect(await step()).toMatchObject({ ready: true, breakpoints: 1, sourceMap: 'index.mjs.map' });
    const token = await tokenFor(stack, 'buyer');

    // Act
    const reply = call(`${stack.apiUrl}/pets`, { token });
    const paused = await step();
    const resumed = await step();

    // Assess
    expect(paused).toEqual({ paused: { inScript: true, atText: true } });
    expect(resumed).toEqual({ resumed: true });
    expect((await reply).status).toBe(200);
    const [code] = await exited;
    expect(code).toBe(0);
  });
});
