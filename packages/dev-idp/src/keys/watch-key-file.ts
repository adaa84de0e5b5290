import { type FSWatcher, watch } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` when the key file is replaced or written (rotation by another process).
 * Watches the directory, since an atomic write replaces the file itself. Returns a stop function.
 *
 * @example
 * const stop = watchKeyFile(keyFilePath(dataDir), () => void reload());
 */
export function watchKeyFile(path: string, onChange: () => void): () => void {
  const name = basename(path);
  const watcher: FSWatcher = watch(dirname(path), { persistent: false }, (_event, file) => {
    if (file === name) onChange();
  });
  watcher.on('error', () => watcher.close());
  return () => watcher.close();
}
