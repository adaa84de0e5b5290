import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../../src/throttle/token-bucket';

describe('TokenBucket (T1)', () => {
  it('starts full with `burst` tokens and refills `rate` tokens a second, never above `burst`', () => {
    // Prepare
    let now = 0;
    const bucket = new TokenBucket(2, 3, () => now);
    const take = (count: number) => Array.from({ length: count }, () => bucket.take());

    // Act
    const burst = take(4);
    now += 500;
    const halfSecond = take(2);
    now += 60_000;
    const afterIdle = take(4);

    // Assess
    expect(burst).toEqual([true, true, true, false]);
    expect(halfSecond).toEqual([true, false]);
    expect(afterIdle).toEqual([true, true, true, false]);
  });
});
