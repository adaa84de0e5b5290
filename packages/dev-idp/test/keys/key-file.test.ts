import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyFileError } from '../../src/errors';
import { ensureKeyFile, keyFilePath, readKeyFile, rotateKeyFile } from '../../src/keys/key-file';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dev-idp-keyfile-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the key file', () => {
  it('is created once as a private JWK set readable by its owner only', async () => {
    // Prepare / Act
    const first = await ensureKeyFile(join(dir, 'nested'));
    const second = await ensureKeyFile(join(dir, 'nested'));

    // Assess
    const path = keyFilePath(join(dir, 'nested'));
    expect(first.created).toBe(true);
    expect(second).toEqual({ set: first.set, created: false });
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8')).keys[0]).toHaveProperty('d');
  });

  it('rotates: the new key first, the old one kept, expired retired keys dropped', async () => {
    // Prepare
    const { set: initial } = await ensureKeyFile(dir);
    const oldKid = initial.keys[0]?.kid ?? '';

    // Act
    const kept = await rotateKeyFile(dir, { retentionSeconds: 660, now: 10_000 });
    const later = await rotateKeyFile(dir, { retentionSeconds: 660, now: 10_660 });

    // Assess
    expect(kept.set.keys.map((key) => key.kid).slice(1)).toEqual([oldKid]);
    expect(kept.dropped).toEqual([]);
    expect(later.dropped).toEqual([oldKid]);
    expect(later.set.keys).toHaveLength(2);
    expect(await readKeyFile(keyFilePath(dir))).toEqual(later.set);
    expect((await stat(keyFilePath(dir))).mode & 0o777).toBe(0o600);
  });

  it('is refused with a clear error when it is not a private RS256 set', async () => {
    // Prepare
    await writeFile(keyFilePath(dir), JSON.stringify({ keys: [{ kty: 'oct', k: 'AAAA' }] }));

    // Act
    const reading = readKeyFile(keyFilePath(dir));

    // Assess
    await expect(reading).rejects.toBeInstanceOf(KeyFileError);
    await expect(reading).rejects.toThrow(/not a private RS256 JWK set/);
  });

  it('reads as absent when there is none yet', async () => {
    // Prepare / Act / Assess
    expect(await readKeyFile(keyFilePath(dir))).toBeUndefined();
  });
});
