import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCommand } from '@petstore/command-line/run';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localPorts, type PortName, portNames } from '../src/config/local-ports';
import { classicPets } from '../src/stack/seed-pets';
import { writeStackRecord } from '../src/stack/stack-record';
import { freePort } from './support/free-port';
import { runInvoke } from './support/run-invoke';
import {
  type StackProcess,
  startStackProcess,
  withoutPortVariables,
} from './support/stack-process';
import { tokenFor } from './support/tokens';

const cli = fileURLToPath(new URL('../src/cli/invoke.ts', import.meta.url));
const events = fileURLToPath(new URL('../events/', import.meta.url));
const [dog, cat, fish] = classicPets;

let stack: StackProcess;
beforeAll(async () => {
  stack = await startStackProcess();
});
afterAll(async () => {
  await stack?.stop();
});

/** `pnpm invoke <functionId> - ...args` with `input` on its stdin. */
function invokeWithStdin(functionId: string, input: string, args: readonly string[] = []) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, functionId, '-', ...args], {
      env: stack.terminal,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('pnpm invoke with the sample events, from a terminal that knows only DATA_DIR', () => {
  it('runs a function against the running stack’s table (list-pets.json)', async () => {
    const { code, stdout } = await runInvoke(stack, 'ListPetsFunction', 'list-pets');
    const result = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body).items.map((pet: { type: string }) => pet.type)).toEqual(['dog']);
  });

  it('prints the result alone on stdout, and the function’s log lines on stderr with its name and request id', async () => {
    const { stdout, stderr } = await runInvoke(stack, 'GetMeFunction', 'get-me');
    expect(JSON.parse(JSON.parse(stdout).body)).toMatchObject({ name: 'Bea Buyer' });
    // Piped: one JSON object a line.
    const lines = stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toContainEqual(
      expect.objectContaining({
        type: 'function',
        function: 'GetMeFunction',
        requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        log: expect.objectContaining({ level: 'INFO', message: 'handled' }),
      }),
    );
  });

  it('names pets of the seed data: the dog (get-pet.json), the cat (purchase-pet.json), the fish (delete-pet.json)', async () => {
    const got = JSON.parse((await runInvoke(stack, 'GetPetFunction', 'get-pet')).stdout);
    const bought = JSON.parse(
      (await runInvoke(stack, 'PurchasePetFunction', 'purchase-pet')).stdout,
    );
    const deleted = JSON.parse((await runInvoke(stack, 'DeletePetFunction', 'delete-pet')).stdout);
    expect([got.statusCode, bought.statusCode, deleted.statusCode]).toEqual([200, 200, 204]);
    expect(JSON.parse(got.body)).toMatchObject({ id: dog.id, type: 'dog' });
    expect(JSON.parse(bought.body)).toMatchObject({
      id: cat.id,
      isSold: true,
      soldTo: { name: 'Bea Buyer' },
    });
    const gone = JSON.parse(
      (
        await invokeWithStdin(
          'GetPetFunction',
          JSON.stringify({ ...getPetEvent(), pathParameters: { petId: fish.id } }),
        )
      ).stdout,
    );
    expect(gone.statusCode).toBe(404);
  });

  it('reports the authorizer refusing the placeholder token as the function error it is', async () => {
    const { code, stderr } = await runInvoke(stack, 'AuthorizerFunction', 'authorizer-token');
    expect(code).toBe(1);
    expect(stderr).toContain('Unauthorized');
  });

  it('fills the authorizer event’s authorizationToken with --token: a buyer’s token gets an Allow policy', async () => {
    const token = await tokenFor(stack, 'buyer');
    const { code, stdout } = await runInvoke(stack, 'AuthorizerFunction', 'authorizer-token', [
      '--token',
      token,
    ]);
    expect(code).toBe(0);
    const policy = JSON.parse(stdout);
    expect(policy.principalId).toMatch(/^amazon-demo\|/);
    expect(policy.policyDocument.Statement[0].Effect).toBe('Allow');
  });

  it('refuses --token for an event that is not a TOKEN authorizer’s: exit 2', async () => {
    const { code, stderr } = await runInvoke(stack, 'ListPetsFunction', 'list-pets', [
      '--token',
      'x',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('--token fills the authorizationToken of a TOKEN authorizer event;');
  });

  it('reads the event from stdin with -', async () => {
    const { code, stdout } = await invokeWithStdin('GetPetFunction', JSON.stringify(getPetEvent()));
    expect(code).toBe(0);
    expect(JSON.parse(JSON.parse(stdout).body)).toMatchObject({ id: dog.id });
  });

  it('names the file that is not JSON, and exits 1', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'petstore-event-'));
    const file = join(folder, 'broken.json');
    writeFileSync(file, '{ "resource": "/pets",');
    const { code, stdout, stderr } = await runCommand(cli, ['ListPetsFunction', file], {
      env: stack.terminal,
    }).finally(() => rmSync(folder, { recursive: true, force: true }));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      new RegExp(`^pnpm invoke: ${file.replaceAll('.', '\\.')} is not JSON: `),
    );
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('names the template’s functions when given an unknown one: exit 2', async () => {
    const { code, stderr } = await runInvoke(stack, 'NoSuchFunction', 'get-me');
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /infra\/template\.yaml has no function NoSuchFunction; it has .*ListPetsFunction/,
    );
  });
});

describe('pnpm invoke without a stack to talk to', () => {
  it('says that no stack runs, and how to start one: exit 1', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'petstore-no-stack-'));
    const { code, stderr } = await runCommand(
      cli,
      ['ListPetsFunction', `${events}list-pets.json`],
      {
        env: { ...withoutPortVariables(process.env), DATA_DIR: dataDir },
      },
    ).finally(() => rmSync(dataDir, { recursive: true, force: true }));
    expect(code).toBe(1);
    expect(stderr).toContain('pnpm invoke: No local stack is running: none is recorded in');
    expect(stderr).toContain('Start one with pnpm start');
  });

  it('says that the stack’s DynamoDB is not reachable: exit 1, and the function never runs', async () => {
    // A stack recorded as running (this process) whose DynamoDB is gone.
    const dataDir = mkdtempSync(join(tmpdir(), 'petstore-no-table-'));
    const closed = await freePort();
    const ports = Object.fromEntries(
      portNames.map((name) => [name, localPorts[name].default]),
    ) as Record<PortName, number>;
    const url = (port: number) => `http://127.0.0.1:${port}`;
    writeStackRecord(dataDir, {
      pid: process.pid,
      startedAt: new Date().toISOString(),
      memory: true,
      ports: { ...ports, dynamodb: closed },
      urls: {
        api: url(3000),
        iamApi: url(3001),
        partnerApi: url(3002),
        issuer: url(9000),
        sts: url(9001),
        web: url(5173),
        dynamodb: url(closed),
      },
      template: fileURLToPath(new URL('../../../infra/template.yaml', import.meta.url)),
      parameterOverrides: {},
      envVarsFile: null,
      inspectors: [],
    });
    const { code, stdout, stderr } = await runCommand(
      cli,
      ['ListPetsFunction', `${events}list-pets.json`],
      {
        env: { ...withoutPortVariables(process.env), DATA_DIR: dataDir },
      },
    ).finally(() => rmSync(dataDir, { recursive: true, force: true }));
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `pnpm invoke: the stack's DynamoDB (${url(closed)}) is not reachable:`,
    );
    expect(stderr).not.toContain('"function"');
  });
});

/** The sample get-pet.json event. */
function getPetEvent(): Record<string, unknown> {
  return JSON.parse(readFileSync(`${events}get-pet.json`, 'utf8'));
}
