import type Provider from 'oidc-provider';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { memoryKeySource } from '../../src/keys/key-source';
import type { SigningKeySet } from '../../src/keys/signing-key-set';
import { type KeysChange, LiveProvider } from '../../src/server/live-provider';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function fakeBuild(built: SigningKeySet[]) {
  return (keys: SigningKeySet) => {
    built.push(keys);
    return { callback: () => () => {} } as unknown as Provider;
  };
}

describe('LiveProvider', () => {
  it('drops a retired key once its retention has passed, without a restart', async () => {
    // Prepare: a clock we move by hand; retention of 60 seconds
    let now = 1_000_000;
    const built: SigningKeySet[] = [];
    const live = new LiveProvider(fakeBuild(built), memoryKeySource(), 60, () => now);
    const changes: KeysChange[] = [];
    live.on('keys', (change) => changes.push(change));
    await live.reload();
    const newKid = await live.rotate();

    // Act: time passes beyond the retention, the scheduled check fires
    now += 61;
    await vi.advanceTimersByTimeAsync(62_000);

    // Assess
    expect(changes.map((change) => change.publishedKids.length)).toEqual([1, 2, 1]);
    expect(changes.at(-1)).toEqual({ signingKid: newKid, publishedKids: [newKid] });
    expect(built).toHaveLength(3);
    live.close();
  });

  it('does not rebuild the provider when a reload finds the same keys', async () => {
    // Prepare
    const built: SigningKeySet[] = [];
    const live = new LiveProvider(fakeBuild(built), memoryKeySource(), 60, () => 1_000);
    await live.reload();

    // Act
    await live.reload();

    // Assess
    expect(built).toHaveLength(1);
    live.close();
  });
});
