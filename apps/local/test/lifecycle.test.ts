import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portIsFree } from '../src/config/assert-ports-free';
import { call } from './support/api-client';
import { freePort } from './support/free-port';
import { startStackProcess } from './support/stack-process';
import { tokenFor } from './support/tokens';

const dataDir = mkdtempSync(join(tmpdir(), 'petstore-stack-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the stack process', () => {
  it('keeps pets across a restart, and seeds only the first time', async () => {
    // Prepare
    const first = await startStackProcess({ dataDir });
    const admin = await tokenFor(first, 'admin');
    const added = await call(`${first.apiUrl}/pets`, {
      method: 'POST',
      token: admin,
      body: { type: 'bird', price: 7 },
    });
    expect(await first.stop()).toBe(0);

    // Act
    const second = await startStackProcess({ dataDir, ports: first.ports });
    const token = await tokenFor(second, 'admin');
    const list = await call(`${second.apiUrl}/pets?limit=100`, { token });
    await second.stop();

    // Assess
    const ids = list.json.items.map((pet: { id: string }) => pet.id);
    expect(ids).toContain(added.json.id);
    expect(list.json.items.filter((pet: { type: string }) => pet.type === 'dog')).toHaveLength(1);
    expect(first.output()).toContain(', seeded');
    expect(second.output()).not.toContain(', seeded');
  }, 120_000);

  it('stops cleanly on Ctrl-C: exit code 0, every port released', async () => {
    // Prepare
    const stack = await startStackProcess();

    // Act
    const code = await stack.stop();

    // Assess
    expect(code).toBe(0);
    expect(stack.output()).toContain('Stopped.');
    for (const port of Object.values(stack.ports))
      expect(await portIsFree('127.0.0.1', port)).toBe(true);
  }, 60_000);

  it('refuses to start on a port in use, naming it and its variable', async () => {
    // Prepare
    const port = await freePort();
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));

    // Act
    const failure = await startStackProcess({ ports: { api: port } }).catch(
      (error: Error) => error,
    );
    blocker.close();

    // Assess
    expect(String(failure)).toContain(`Port ${port} is in use (API_PORT)`);
  }, 60_000);
});
