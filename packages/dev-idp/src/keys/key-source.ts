import { ensureKeyFile, keyFilePath, rotateKeyFile } from './key-file';
import { generateSigningKey, rotateKeySet, type SigningKeySet } from './signing-key-set';
import { watchKeyFile } from './watch-key-file';

/** Where a running dev-idp keeps its signing keys: a data directory, or memory only. */
export interface KeySource {
  /** A short description for the start banner. */
  readonly description: string;
  /** The current keys, generating a first one if there is none. */
  load(): Promise<SigningKeySet>;
  /** Rotates (see {@link rotateKeySet}) and returns the new set. */
  rotate(now: number, retentionSeconds: number): Promise<SigningKeySet>;
  /** Calls `onChange` when another process changed the keys; returns a stop function. */
  watch(onChange: () => void): () => void;
}

/**
 * Keys in `<dataDir>/signing-keys.json`, generated at first start, watched for rotations done
 * by the `rotate-keys` command.
 *
 * @example
 * const keys = await fileKeySource('.data/dev-idp').load();
 */
export function fileKeySource(dataDir: string): KeySource {
  const path = keyFilePath(dataDir);
  return {
    description: path,
    load: async () => (await ensureKeyFile(dataDir)).set,
    rotate: async (now, retentionSeconds) =>
      (await rotateKeyFile(dataDir, { now, retentionSeconds })).set,
    watch: (onChange) => watchKeyFile(path, onChange),
  };
}

/**
 * Throwaway keys that live as long as the process (tests, `--memory`).
 *
 * @example
 * const keys = await memoryKeySource().load();
 */
export function memoryKeySource(): KeySource {
  let set: SigningKeySet | undefined;
  const load = async () => {
    set ??= { keys: [await generateSigningKey()], retiredAt: {} };
    return set;
  };
  return {
    description: 'memory (throwaway)',
    load,
    rotate: async (now, retentionSeconds) => {
      set = rotateKeySet(await load(), await generateSigningKey(), now, retentionSeconds);
      return set;
    },
    watch: () => () => {},
  };
}
