import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portIsFree } from '../src/config/assert-ports-free';
import { call } from './support/api-client';
import { processTree, stillRunning } from './support/process-tree';
import { type StackProcess, startStackProcess } from './support/stack-process';
import { tokenFor } from './support/tokens';

const folders: string[] = [];
function dataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'petstore-shutdown-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** Every process of the stack's tree, once `turbo watch` (started last) runs in it. */
async function treeWithWatcher(stack: StackProcess): Promise<number[]> {
  const root = stack.child.pid as number;
  await expect
    .poll(() => processTree(root).some((proc) => proc.command.includes('turbo watch build')), {
      timeout: 20_000,
    })
    .toBe(true);
  return processTree(root).map((proc) => proc.pid);
}

/**
 * Requests in flight: pets being added, sent whole but not yet answered, a request whose
 * headers are still arriving, and one to the local DynamoDB whose body is. Resolves once all of
 * them have been sent.
 */
async function requestsInFlight(stack: StackProcess, token: string): Promise<void> {
  const url = new URL(`${stack.apiUrl}/pets`);
  const sent = Array.from({ length: 5 }, (_, index) => {
    const body = JSON.stringify({ type: 'fish', price: 10 + index });
    const req = request(url, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    });
    req.on('error', () => {}); // cut off by the signal: expected
    req.on('response', (response) => response.resume());
    return new Promise<void>((resolve) => req.end(body, resolve));
  });
  const partly = (port: number, text: string) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('error', () => {});
    return new Promise<void>((resolve) =>
      socket.once('connect', () => socket.write(text, () => resolve())),
    );
  };
  const written = [
    partly(stack.ports.api, 'GET /pets HTTP/1.1\r\nHost: 127.0.0.1\r\n'),
    // The local DynamoDB's request whose body is still arriving (dynalite alone would throw).
    partly(
      stack.ports.dynamodb,
      'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nContent-Length: 100\r\n\r\n{',
    ),
  ];
  await Promise.all([...sent, ...written]);
}

describe('stopping the stack', () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGKILL'] as const) {
    it(`${signal} mid-request: no process of its tree survives, and a new start reads the data`, async () => {
      // Prepare
      const dataDir = dataFolder();
      const stack = await startStackProcess({ dataDir, watch: true });
      const pids = await treeWithWatcher(stack);
      const token = await tokenFor(stack, 'admin');
      const added = await call(`${stack.apiUrl}/pets`, {
        method: 'POST',
        token,
        body: { type: 'bird', price: 7 },
      });
      await requestsInFlight(stack, token);

      // Act
      const ended = await stack.kill(signal);

      // Assess
      await expect.poll(() => stillRunning(pids), { timeout: 15_000 }).toEqual([]);
      if (signal === 'SIGKILL') expect(ended.signal).toBe('SIGKILL');
      // On a failure, the stack's last output says why it did not exit 0 (seen once in CI: exit 1).
      else expect(ended.code, stack.output().slice(-4000)).toBe(0);
      const next = await startStackProcess({ dataDir });
      const list = await call(`${next.apiUrl}/pets?limit=100`, {
        token: await tokenFor(next, 'admin'),
      });
      expect(await next.stop()).toBe(0);
      expect(list.status).toBe(200);
      expect(list.json.items.map((pet: { id: string }) => pet.id)).toContain(added.json.id);
      for (const pet of list.json.items) {
        expect(pet).toMatchObject({ id: expect.any(String), type: expect.any(String) });
      }
      expect(next.output()).not.toContain(', seeded');
    }, 180_000);
  }

  it('stops by itself when its parent process dies, leaving no process behind', async () => {
    // Prepare
    const dataDir = dataFolder();
    const stack = await startStackProcess({ dataDir, watch: true, underParent: true });
    const pids = await treeWithWatcher(stack);

    // Act
    await stack.kill('SIGKILL');

    // Assess
    await expect.poll(() => stillRunning(pids), { timeout: 20_000 }).toEqual([]);
    for (const port of Object.values(stack.ports))
      expect(await portIsFree('127.0.0.1', port)).toBe(true);
    expect(existsSync(join(dataDir, 'stack.lock'))).toBe(false);
  }, 180_000);

  it('refuses a second stack on the same data folder, naming the first one, --memory and DATA_DIR', async () => {
    // Prepare
    const dataDir = dataFolder();
    const first = await startStackProcess({ dataDir });

    // Act
    const failure = await startStackProcess({ dataDir }).catch((error: Error) => error);
    const token = await tokenFor(first, 'admin');
    const stillServing = await call(`${first.apiUrl}/pets`, { token });
    await first.stop();

    // Assess
    expect(String(failure)).toContain(`Another local stack (PID ${first.child.pid})`);
    expect(String(failure)).toContain('--memory');
    expect(String(failure)).toContain('DATA_DIR');
    expect(stillServing.status).toBe(200);
    expect(existsSync(join(dataDir, 'stack.lock'))).toBe(false);
  }, 180_000);

  it('takes over the lock of a stack that was killed outright', async () => {
    // Prepare
    const dataDir = dataFolder();
    const killed = await startStackProcess({ dataDir });
    await killed.kill('SIGKILL');
    const stale = readFileSync(join(dataDir, 'stack.lock'), 'utf8').trim();

    // Act
    const next = await startStackProcess({ dataDir });
    const lock = readFileSync(join(dataDir, 'stack.lock'), 'utf8').trim();
    await next.stop();

    // Assess
    expect(stale).toBe(String(killed.child.pid));
    expect(lock).toBe(String(next.child.pid));
  }, 180_000);

  it('stops with a message naming DATA_DIR when the data folder is deleted while it runs', async () => {
    // Prepare
    const dataDir = dataFolder();
    const stack = await startStackProcess({ dataDir });
    const pids = processTree(stack.child.pid as number).map((proc) => proc.pid);

    // Act
    rmSync(dataDir, { recursive: true, force: true });
    const ended = await stack.exited;

    // Assess
    expect(ended.code).toBe(1);
    expect(stack.output()).toContain(`The data folder ${dataDir} (DATA_DIR) was deleted`);
    expect(stack.output()).toContain('Stopped.');
    await expect.poll(() => stillRunning(pids), { timeout: 15_000 }).toEqual([]);
    for (const port of Object.values(stack.ports))
      expect(await portIsFree('127.0.0.1', port)).toBe(true);
  }, 120_000);
});
