import { describe, expect, it } from 'vitest';
import {
  claimSessionRestore,
  forgetSignedIn,
  rememberSignedIn,
  restoreDecision,
  signedInFlag,
} from '../../src/auth/signed-in-flag';

/** A `sessionStorage` of our own, one per test. */
function tabStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe('restoreDecision', () => {
  it.each([
    ['1', false, { attempt: true, flag: 'restoring' }],
    ['1', true, { attempt: false, flag: '1' }],
    ['restoring', false, { attempt: false, flag: null }],
    ['restoring', true, { attempt: false, flag: null }],
    [null, false, { attempt: false, flag: null }],
    [null, true, { attempt: false, flag: null }],
    ['something else', false, { attempt: false, flag: null }],
  ])('flag %j, returning from the provider %s -> %j', (flag, returning, decision) => {
    // Act / Assess
    expect(restoreDecision(flag, returning)).toEqual(decision);
  });
});

describe('claimSessionRestore', () => {
  it('tries once for a tab that was signed in, and marks the try before it leaves', () => {
    // Prepare
    const storage = tabStorage({ [signedInFlag.key]: '1' });

    // Act
    const attempt = claimSessionRestore(storage, false);

    // Assess
    expect(attempt).toBe(true);
    expect(storage.items.get(signedInFlag.key)).toBe('restoring');
  });

  it('never tries twice in a row: the load after a try does not try again, whatever came back', () => {
    // Prepare: a try left this tab; the provider answered with an error (or Back was pressed)
    const storage = tabStorage({ [signedInFlag.key]: '1' });
    claimSessionRestore(storage, false);

    // Act: the return from the provider, then a Back to the app without an answer, then a reload
    const onReturn = claimSessionRestore(storage, true);
    const afterReturn = claimSessionRestore(storage, false);

    // Assess
    expect(onReturn).toBe(false);
    expect(afterReturn).toBe(false);
    expect(storage.items.has(signedInFlag.key)).toBe(false);
  });

  it('tries again on a later reload once a silent sign-in succeeded', () => {
    // Prepare: a try, and its successful callback
    const storage = tabStorage({ [signedInFlag.key]: '1' });
    claimSessionRestore(storage, false);
    claimSessionRestore(storage, true);
    rememberSignedIn(storage);

    // Act
    const attempt = claimSessionRestore(storage, false);

    // Assess
    expect(attempt).toBe(true);
  });

  it('does not try in a tab that never signed in, or signed out', () => {
    // Prepare
    const signedOut = tabStorage({ [signedInFlag.key]: '1' });
    forgetSignedIn(signedOut);

    // Act / Assess
    expect(claimSessionRestore(tabStorage(), false)).toBe(false);
    expect(claimSessionRestore(signedOut, false)).toBe(false);
  });
});

describe('rememberSignedIn', () => {
  it('stores a non-secret marker only', () => {
    // Prepare
    const storage = tabStorage();

    // Act
    rememberSignedIn(storage);

    // Assess
    expect([...storage.items]).toEqual([['petstore.signedIn', '1']]);
  });
});
