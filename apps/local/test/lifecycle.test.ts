import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { portIsFree } from '../src/config/assert-ports-free';
import { portVariables } from '../src/config/local-config';
import { repoRoot } from '../src/config/repo-paths';
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

  it('stops on Ctrl-C in a terminal, run as pnpm start: exit code 0, no ELIFECYCLE, no failure printed', async () => {
    // Prepare: `pnpm start` in a process group of its own, as a terminal's foreground job.
    const ports = Object.fromEntries(
      await Promise.all(
        Object.values(portVariables).map(async (variable) => [variable, String(await freePort())]),
      ),
    );
    const records = mkdtempSync(join(tmpdir(), 'petstore-ctrl-c-'));
    // Under `pnpm test` the pnpm that runs us is known; on its own, the one on the PATH.
    const pnpm = process.env.npm_execpath;
    const [file, args] =
      pnpm && /pnpm[^/]*\.c?js$/.test(pnpm)
        ? [process.execPath, [pnpm, 'start', '--memory', '--no-watch']]
        : ['pnpm', ['start', '--memory', '--no-watch']];
    const child = spawn(file, args, {
      cwd: repoRoot,
      env: { ...process.env, ...ports, DATA_DIR: records },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const up = new Promise<void>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        output += chunk;
        if (output.includes('Ctrl-C stops everything.')) resolve();
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      child.once('exit', () => reject(new Error(`pnpm start ended before it was up:\n${output}`)));
    });
    const exited = once(child, 'exit');
    await up;

    // Act: Ctrl-C, which the terminal sends to every process of the group.
    process.kill(-(child.pid as number), 'SIGINT');
    const [code] = (await exited) as [number | null];
    rmSync(records, { recursive: true, force: true });

    // Assess
    expect(code, output).toBe(0);
    expect(output).toContain('SIGINT: stopping...\nStopped.');
    expect(output).not.toContain('ELIFECYCLE');
    expect(output).not.toMatch(/error|failed/i);
  }, 120_000);
});
