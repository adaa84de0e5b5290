import { type FSWatcher, watch } from 'node:fs';

/**
 * Calls `onChange` once a burst of changes under `dir` has settled for `debounceMs`.
 * Returns a function that stops watching.
 *
 * @example
 * const stop = watchCode('apps/api/dist/list-pets', () => pool.reload());
 */
export function watchCode(dir: string, onChange: () => void, debounceMs = 100): () => void {
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dir, { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, debounceMs);
    });
  } catch {
    return () => {};
  }
  watcher.on('error', () => watcher?.close());
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
