import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  apiKeysFilePath,
  LocalApiKeysError,
  localApiKeys,
  readLocalApiKeys,
} from '../src/stack/local-api-keys';

let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
const fresh = () => {
  dataDir = mkdtempSync(join(tmpdir(), 'petstore-keys-'));
  return dataDir;
};
const writeFile = (text: string) => {
  mkdirSync(join(dataDir, 'gateway'), { recursive: true });
  writeFileSync(apiKeysFilePath(dataDir), text);
};

describe('localApiKeys', () => {
  it('makes a random value of 40 letters and digits per key, saved readable by its owner only', async () => {
    // Act
    const keys = await localApiKeys(['PartnerApiApiKey', 'OtherApiKey'], fresh());

    // Assess
    expect(keys.PartnerApiApiKey).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(keys.OtherApiKey).toMatch(/^[A-Za-z0-9]{40}$/);
    expect(keys.OtherApiKey).not.toBe(keys.PartnerApiApiKey);
    expect(JSON.parse(readFileSync(apiKeysFilePath(dataDir), 'utf8'))).toEqual(keys);
    expect(statSync(apiKeysFilePath(dataDir)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'gateway')).mode & 0o077).toBe(0);
  });

  it('keeps the values of a data folder across starts, adding only the keys it lacks', async () => {
    const first = await localApiKeys(['PartnerApiApiKey'], fresh());
    const second = await localApiKeys(['PartnerApiApiKey', 'NewApiKey'], dataDir);
    expect(second.PartnerApiApiKey).toBe(first.PartnerApiApiKey);
    expect(second.NewApiKey).toMatch(/^[A-Za-z0-9]{40}$/);
    expect((await readLocalApiKeys(dataDir))?.get('NewApiKey')).toBe(second.NewApiKey);
  });

  it('writes nothing with --memory (no data folder): fresh values each time', async () => {
    const one = await localApiKeys(['PartnerApiApiKey'], undefined);
    const two = await localApiKeys(['PartnerApiApiKey'], undefined);
    expect(one.PartnerApiApiKey).not.toBe(two.PartnerApiApiKey);
  });

  it.each([
    ['not JSON', '{'],
    ['a list', '["0123456789abcdefghij"]'],
    ['a short value', '{ "PartnerApiApiKey": "short" }'],
    ['a value that is no string', '{ "PartnerApiApiKey": 12345678901234567890 }'],
  ])('refuses a file holding %s, naming it and saying to delete it', async (_case, text) => {
    fresh();
    writeFile(text);
    const reading = localApiKeys(['PartnerApiApiKey'], dataDir);
    await expect(reading).rejects.toThrow(LocalApiKeysError);
    await expect(reading).rejects.toThrow(`${apiKeysFilePath(dataDir)} is not a map`);
    expect(readFileSync(apiKeysFilePath(dataDir), 'utf8')).toBe(text);
  });
});

describe('readLocalApiKeys', () => {
  it('is undefined for a data folder the stack never started with', async () => {
    expect(await readLocalApiKeys(fresh())).toBeUndefined();
  });
});
