import type { DataLock } from './data-lock';

/**
 * Calls `onGone` once if the data folder disappears while the stack runs (its lock file, which
 * names this process, is gone or names another one): e.g. `rm -rf .data` during a run. Checks
 * every `everyMs` without keeping the process alive.
 *
 * @example
 * const watcher = watchDataDir(lock, () => console.error('.data/ was deleted'));
 * // later
 * watcher.stop();
 */
export function watchDataDir(lock: DataLock, onGone: () => void, everyMs = 500): { stop(): void } {
  const timer = setInterval(() => {
    if (lock.held()) return;
    clearInterval(timer);
    onGone();
  }, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
