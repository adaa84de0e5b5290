import { randomInt } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where the local values of the template's API keys are kept, in a data folder. */
const fileName = 'gateway/api-keys.json';

/** Letters and digits, as the 40-character values API Gateway generates. */
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const valueLength = 40;

/** A key file that cannot be used; the message names the file and what to do. */
export class LocalApiKeysError extends Error {
  override readonly name = 'LocalApiKeysError';
  readonly code = 'INVALID_LOCAL_API_KEYS';
}

/**
 * The file holding a data folder's local API key values: `{ "PartnerApiApiKey": "..." }`, the
 * format of the gateway CLI's `--api-keys`.
 *
 * @example
 * apiKeysFilePath('.data') // '.data/gateway/api-keys.json'
 */
export function apiKeysFilePath(dataDir: string): string {
  return join(dataDir, fileName);
}

/**
 * A random key value: 40 letters and digits (API Gateway requires at least 20 characters).
 *
 * @example
 * generateApiKeyValue() // 'q3Vx...' (40 characters)
 */
export function generateApiKeyValue(): string {
  return Array.from({ length: valueLength }, () => alphabet[randomInt(alphabet.length)]).join('');
}

/**
 * Reads a data folder's key values, or `undefined` when it has none yet.
 *
 * @throws {LocalApiKeysError} when the file is not a map of key ids to values of 20 characters or more.
 * @example
 * (await readLocalApiKeys('.data'))?.PartnerApiApiKey
 */
export async function readLocalApiKeys(
  dataDir: string,
): Promise<ReadonlyMap<string, string> | undefined> {
  const path = apiKeysFilePath(dataDir);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const entries =
    typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? Object.entries(parsed)
      : undefined;
  if (!entries?.every(([, value]) => typeof value === 'string' && value.length >= 20)) {
    throw new LocalApiKeysError(
      `${path} is not a map of API key ids to values of at least 20 characters: delete it to have new values made`,
    );
  }
  return new Map(entries as [string, string][]);
}

/**
 * The local value of each of these API keys (those the template leaves for AWS to generate):
 * with a data folder, the values kept there, generated and saved (mode 0600, atomically) for the
 * keys that have none yet, so a key stays the same across restarts; without one (`--memory`),
 * fresh values in memory.
 *
 * @example
 * await localApiKeys(['PartnerApiApiKey'], '.data') // { PartnerApiApiKey: 'q3Vx...' }
 */
export async function localApiKeys(
  keyIds: readonly string[],
  dataDir: string | undefined,
): Promise<Record<string, string>> {
  if (!dataDir) return Object.fromEntries(keyIds.map((id) => [id, generateApiKeyValue()]));
  const kept = new Map(await readLocalApiKeys(dataDir));
  const missing = keyIds.filter((id) => !kept.has(id));
  for (const id of missing) kept.set(id, generateApiKeyValue());
  if (missing.length > 0) await writeKeys(apiKeysFilePath(dataDir), kept);
  return Object.fromEntries(keyIds.map((id) => [id, kept.get(id) as string]));
}

async function writeKeys(path: string, keys: ReadonlyMap<string, string>): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(Object.fromEntries(keys), null, 2)}\n`, {
    mode: 0o600,
  });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}
