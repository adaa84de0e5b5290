import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { processAlive } from './process-alive';

/** The file in DATA_DIR that says which process uses it. */
export const lockFileName = 'stack.lock';

/** Another running stack uses this DATA_DIR. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
  readonly code = 'DATA_DIR_IN_USE';
}

/** This process's hold on a data folder. */
export interface DataLock {
  readonly path: string;
  /** Whether the lock file is still there and still names this process. */
  held(): boolean;
  /** Removes the lock file if it still names this process. */
  release(): void;
}

/**
 * Takes the data folder for this process: creates `stack.lock` holding the PID, refuses when a
 * live process holds it, and takes over a lock left by a process that is gone.
 *
 * @example
 * const lock = acquireDataLock('.data'); // throws DataDirInUseError if another stack runs there
 * // later
 * lock.release();
 */
export function acquireDataLock(dataDir: string, pid: number = process.pid): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (createExclusively(path, pid)) return lockOf(path, pid);
    const holder = holderOf(path);
    if (holder !== undefined && holder !== pid && processAlive(holder)) {
      throw new DataDirInUseError(
        `Another local stack (PID ${holder}) is using the data folder ${dataDir}. Stop it first, or start this one with --memory (nothing on disk) or with another DATA_DIR.`,
      );
    }
    // Left by a process that is gone (or unreadable): take it over.
    try {
      unlinkSync(path);
    } catch {
      // Someone else removed it first; try again.
    }
  }
  throw new DataDirInUseError(`Could not take the lock ${path}; is another stack starting?`);
}

function createExclusively(path: string, pid: number): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${pid}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

function holderOf(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8').trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function lockOf(path: string, pid: number): DataLock {
  const held = () => holderOf(path) === pid;
  return {
    path,
    held,
    release() {
      if (!held()) return;
      try {
        unlinkSync(path);
      } catch {
        // Gone already.
      }
    },
  };
}
