import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataLock, DataDirInUseError } from '../src/stack/data-lock';

let dataDir: string;
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));
const fresh = () => {
  dataDir = mkdtempSync(join(tmpdir(), 'petstore-lock-'));
  return dataDir;
};

/** The PID of a process that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid as number;
}

describe('acquireDataLock', () => {
  it('writes the PID into stack.lock, and release removes it', () => {
    const lock = acquireDataLock(fresh(), 4242);
    const written = readFileSync(join(dataDir, 'stack.lock'), 'utf8');
    lock.release();
    expect(written).toBe('4242\n');
    expect(existsSync(join(dataDir, 'stack.lock'))).toBe(false);
  });

  it('refuses a folder a live process holds, naming it, --memory and DATA_DIR', () => {
    acquireDataLock(fresh(), process.pid);
    const second = () => acquireDataLock(dataDir, process.pid + 1_000_000);
    expect(second).toThrow(DataDirInUseError);
    expect(second).toThrow(
      new RegExp(`^Another local stack \\(PID ${process.pid}\\) .*--memory.*DATA_DIR`),
    );
  });

  it('takes over the lock of a process that is gone', () => {
    writeFileSync(join(fresh(), 'stack.lock'), `${deadPid()}\n`);
    const lock = acquireDataLock(dataDir, 4242);
    expect(lock.held()).toBe(true);
    expect(readFileSync(join(dataDir, 'stack.lock'), 'utf8')).toBe('4242\n');
  });

  it('takes over an unreadable lock', () => {
    writeFileSync(join(fresh(), 'stack.lock'), 'not a pid');
    expect(acquireDataLock(dataDir, 4242).held()).toBe(true);
  });

  it('no longer counts as held once its file is deleted, and release leaves a newer lock alone', () => {
    const lock = acquireDataLock(fresh(), 4242);
    rmSync(join(dataDir, 'stack.lock'));
    const held = lock.held();
    writeFileSync(join(dataDir, 'stack.lock'), '777\n');
    lock.release();
    expect(held).toBe(false);
    expect(readFileSync(join(dataDir, 'stack.lock'), 'utf8')).toBe('777\n');
  });
});
