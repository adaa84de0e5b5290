import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Name of the social subject key inside the data directory. */
export const subjectKeyFileName = 'subject-key';

/**
 * The key social subjects are derived with (see `socialSubject`): generated at the first start
 * and kept in the data directory (readable by its owner only), so subjects stay the same across
 * restarts; a fresh random one in memory when there is no data directory.
 *
 * @example
 * const key = await loadSubjectKey('.data/dev-idp');
 */
export async function loadSubjectKey(dataDir: string | undefined): Promise<Uint8Array> {
  if (!dataDir) return randomBytes(32);
  const path = join(dataDir, subjectKeyFileName);
  await mkdir(dataDir, { recursive: true });
  try {
    const key = Buffer.from((await readFile(path, 'utf8')).trim(), 'base64url');
    if (key.length >= 32) return key;
    throw new Error(`${path} holds no key of 32 bytes: delete it to have a new one made`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  // `wx`: never overwrite a key another start wrote meanwhile.
  await writeFile(path, `${key.toString('base64url')}\n`, { flag: 'wx', mode: 0o600 }).catch(
    async (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  await chmod(path, 0o600);
  return Buffer.from((await readFile(path, 'utf8')).trim(), 'base64url');
}
