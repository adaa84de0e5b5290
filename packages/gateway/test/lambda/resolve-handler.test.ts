import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveHandler } from '../../src/lambda/resolve-handler';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gateway-handler-'));
  await mkdir(join(dir, 'src'));
  for (const file of [
    'both.js',
    'both.mjs',
    'esm.mjs',
    'common.cjs',
    'src/app.js',
    'bare',
    'bare.js',
  ])
    await writeFile(join(dir, file), '');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('resolveHandler', () => {
  it('F11: finds the file like the Lambda runtime: .js, then .mjs, then .cjs', () => {
    // Act / Assess
    expect(resolveHandler(dir, 'both.handler').file).toBe(join(dir, 'both.js'));
    expect(resolveHandler(dir, 'esm.handler').file).toBe(join(dir, 'esm.mjs'));
    expect(resolveHandler(dir, 'common.handler').file).toBe(join(dir, 'common.cjs'));
    expect(resolveHandler(dir, 'missing.handler').file).toBeUndefined();
  });

  it('F11: takes a file named exactly as the module before any extension', () => {
    expect(resolveHandler(dir, 'bare.handler').file).toBe(join(dir, 'bare'));
  });

  it('F11: reads a folder before the module and a nested export path after it', () => {
    // Act
    const resolved = resolveHandler(dir, 'src/app.handlers.list');

    // Assess
    expect(resolved).toEqual({
      file: join(dir, 'src', 'app.js'),
      exportPath: ['handlers', 'list'],
    });
  });
});
