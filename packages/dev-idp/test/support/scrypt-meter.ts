import { createRequire, syncBuiltinESMExports } from 'node:module';

const crypto = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
type Callback = (error: Error | null, key: Buffer) => void;

/**
 * Counts the scrypt computations running at once in this process, all callers included: wraps
 * node's own `crypto.scrypt` (the real one still does the work) and updates the ESM bindings
 * that `import { scrypt } from 'node:crypto'` sees. With `hold`, finished computations keep
 * their result until `release()`, so a test can keep checks "running" as long as it needs.
 * `stop()` puts the original back (and releases).
 */
export function meterScrypt(options: { readonly hold?: boolean } = {}) {
  const original = crypto.scrypt;
  let running = 0;
  let peak = 0;
  let started = 0;
  let holding = options.hold === true;
  const held: (() => void)[] = [];
  const watchers: { count: number; resolve: () => void }[] = [];
  const metered = ((...args: unknown[]) => {
    const callback = args.pop() as Callback;
    running += 1;
    started += 1;
    peak = Math.max(peak, running);
    for (const watcher of watchers.filter((w) => running >= w.count)) {
      watchers.splice(watchers.indexOf(watcher), 1);
      watcher.resolve();
    }
    const finish: Callback = (error, key) => {
      const done = () => {
        running -= 1;
        callback(error, key);
      };
      if (holding) held.push(done);
      else done();
    };
    return (original as (...all: unknown[]) => void)(...args, finish);
  }) as typeof crypto.scrypt;
  crypto.scrypt = metered;
  syncBuiltinESMExports();
  const release = () => {
    holding = false;
    for (const done of held.splice(0)) done();
  };
  return {
    get peak() {
      return peak;
    },
    get started() {
      return started;
    },
    /** Resolves once `count` computations run at the same time. */
    runningAtLeast(count: number): Promise<void> {
      if (running >= count) return Promise.resolve();
      return new Promise((resolve) => watchers.push({ count, resolve }));
    },
    release,
    stop() {
      release();
      crypto.scrypt = original;
      syncBuiltinESMExports();
    },
  };
}
