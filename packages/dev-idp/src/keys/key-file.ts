import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { KeyFileError } from '../errors';
import {
  generateSigningKey,
  type PrivateSigningJwk,
  rotateKeySet,
  type SigningKeySet,
} from './signing-key-set';

export type { SigningKeySet } from './signing-key-set';

/** Name of the private JWK set inside the data directory. */
export const keyFileName = 'signing-keys.json';

const b64url = z.string().regex(/^[\w-]+$/);
const jwkSchema = z.looseObject({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  alg: z.literal('RS256'),
  use: z.literal('sig'),
  n: b64url,
  e: b64url,
  d: b64url,
});
const keyFileSchema = z.object({
  keys: z.array(jwkSchema).min(1),
  retiredAt: z.record(z.string(), z.number().int()).default({}),
});

/**
 * Where the signing keys of a data directory live.
 *
 * @example
 * keyFilePath('.data/dev-idp') // '.data/dev-idp/signing-keys.json'
 */
export function keyFilePath(dataDir: string): string {
  return join(dataDir, keyFileName);
}

/**
 * Reads a key file written by {@link writeKeyFile}, or `undefined` when there is none.
 *
 * @throws {KeyFileError} when the file exists but is not a valid private JWK set.
 * @example
 * const set = await readKeyFile(keyFilePath(dataDir));
 */
export async function readKeyFile(path: string): Promise<SigningKeySet | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new KeyFileError(`Cannot read the signing keys at ${path}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new KeyFileError(`The signing keys at ${path} are not JSON`, { cause: error });
  }
  const result = keyFileSchema.safeParse(parsed);
  if (!result.success) {
    throw new KeyFileError(`The signing keys at ${path} are not a private RS256 JWK set`);
  }
  return { keys: result.data.keys as PrivateSigningJwk[], retiredAt: result.data.retiredAt };
}

/**
 * Writes a key set readable by its owner only (mode 0600), atomically (temporary file, rename),
 * so a watching provider never reads half a file.
 *
 * @example
 * await writeKeyFile(keyFilePath(dataDir), { keys: [await generateSigningKey()], retiredAt: {} });
 */
export async function writeKeyFile(path: string, set: SigningKeySet): Promise<void> {
  await mkdir(join(path, '..'), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(set, null, 2)}\n`, { mode: 0o600 });
  await chmod(temporary, 0o600);
  await rename(temporary, path);
}

/**
 * The data directory's key set, generating and saving a first key if there is none yet.
 *
 * @example
 * const { set, created } = await ensureKeyFile('.data/dev-idp');
 */
export async function ensureKeyFile(
  dataDir: string,
): Promise<{ set: SigningKeySet; created: boolean }> {
  const path = keyFilePath(dataDir);
  const existing = await readKeyFile(path);
  if (existing) return { set: existing, created: false };
  const set: SigningKeySet = { keys: [await generateSigningKey()], retiredAt: {} };
  await writeKeyFile(path, set);
  return { set, created: true };
}

/**
 * Rotates the data directory's keys: a new key signs from now on, the previous ones stay
 * published for `retentionSeconds`, older retired keys are dropped. A running dev-idp watching
 * the directory picks the change up without a restart.
 *
 * @example
 * const { set } = await rotateKeyFile('.data/dev-idp', { retentionSeconds: 660 });
 * set.keys[0].kid // the new signing key
 */
export async function rotateKeyFile(
  dataDir: string,
  options: { readonly retentionSeconds: number; readonly now?: number },
): Promise<{ set: SigningKeySet; dropped: readonly string[] }> {
  const { set: current } = await ensureKeyFile(dataDir);
  const now = options.now ?? Math.floor(Date.now() / 1000);
  const set = rotateKeySet(current, await generateSigningKey(), now, options.retentionSeconds);
  await writeKeyFile(keyFilePath(dataDir), set);
  const kept = new Set(set.keys.map((key) => key.kid));
  return { set, dropped: current.keys.map((key) => key.kid).filter((kid) => !kept.has(kid)) };
}
