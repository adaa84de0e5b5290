import { describe, expect, it } from 'vitest';
import type { TemporaryCredentials } from '../src/credentials';
import { MemoryCredentialStore } from '../src/memory-credential-store';
import { temporaryCredentials } from './support/sign';

function manualClock(start = Date.parse('2026-11-21T10:00:00Z')) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

let issued = 0;
/** Credentials with a fresh access key id, valid `seconds` from the clock's now. */
function issue(clock: { now: () => number }, seconds = 900): TemporaryCredentials {
  issued += 1;
  return temporaryCredentials({
    accessKeyId: `ASIATEST${String(issued).padStart(12, '0')}`,
    expiresAt: clock.now() + seconds * 1000,
  });
}

describe('MemoryCredentialStore', () => {
  it('finds credentials by access key id, and nothing for a key it never issued', () => {
    const clock = manualClock();
    const store = new MemoryCredentialStore({ clock: clock.now });
    const credentials = issue(clock);
    store.add(credentials);
    expect(store.find(credentials.accessKeyId)).toBe(credentials);
    expect(store.find('ASIAAAAAAAAAAAAAAAAA')).toBeUndefined();
  });

  it('still finds expired credentials while retained, so a verifier can answer "expired", then forgets them', () => {
    const clock = manualClock();
    const store = new MemoryCredentialStore({ clock: clock.now, retainExpiredMs: 60_000 });
    const credentials = issue(clock, 900);
    store.add(credentials);
    clock.advance(900_000 + 59_999);
    expect(store.find(credentials.accessKeyId)?.expiresAt).toBeLessThan(clock.now());
    clock.advance(1);
    expect(store.find(credentials.accessKeyId)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('keeps at most maxEntries credentials, forgetting the oldest issued first', () => {
    const clock = manualClock();
    const store = new MemoryCredentialStore({ clock: clock.now, maxEntries: 3 });
    const issued = Array.from({ length: 5 }, () => {
      const credentials = issue(clock);
      store.add(credentials);
      clock.advance(1000);
      return credentials;
    });
    expect(store.size).toBe(3);
    expect(issued.map((credentials) => store.find(credentials.accessKeyId) !== undefined)).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
  });

  it('sweeps credentials past their retention when new ones are issued', () => {
    const clock = manualClock();
    const store = new MemoryCredentialStore({ clock: clock.now, retainExpiredMs: 0 });
    for (let index = 0; index < 100; index += 1) store.add(issue(clock, 900));
    clock.advance(901_000);
    store.add(issue(clock, 900));
    expect(store.size).toBe(1);
  });
});
