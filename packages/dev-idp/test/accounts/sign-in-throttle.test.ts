import { describe, expect, it } from 'vitest';
import { type Attempt, type Lockout, SignInThrottle } from '../../src/accounts/sign-in-throttle';

const rule = (maxFailures: number) => ({ maxFailures, windowSeconds: 600, lockoutSeconds: 300 });

function throttleAt(start: number, limits = { perAccount: rule(3), perAddress: rule(5) }) {
  const clock = { now: start };
  return { clock, throttle: new SignInThrottle(limits, () => clock.now) };
}

const isLockout = (result: Attempt | Lockout): result is Lockout => 'scope' in result;

describe('SignInThrottle', () => {
  it('treats emails alike whatever their case and spacing', () => {
    // Prepare
    const { throttle } = throttleAt(1000);
    for (const email of ['Ann@x.test', ' ann@X.TEST', 'ANN@x.test ']) throttle.begin(email, 'a');

    // Act
    const result = throttle.begin('ann@x.test', 'b');

    // Assess
    expect(result).toEqual({ scope: 'account', retryAfterSeconds: 300 });
  });

  it('lifts an address lockout started by an attempt that then succeeds', () => {
    // Prepare: the address's 5th attempt starts its lockout, and is the right password
    const { throttle } = throttleAt(1000);
    for (const email of ['a@x', 'b@x', 'c@x', 'd@x']) throttle.begin(email, 'peer');
    const fifth = throttle.begin('e@x', 'peer');
    if (isLockout(fifth)) throw new Error('the 5th attempt should be let through');
    const lockedMeanwhile = throttle.begin('f@x', 'peer');

    // Act
    throttle.succeeded(fifth);
    const after = throttle.begin('f@x', 'peer');

    // Assess
    expect(lockedMeanwhile).toEqual({ scope: 'address', retryAfterSeconds: 300 });
    expect(isLockout(after)).toBe(false);
  });

  it('counts the lockout from the failure that reached the limit, then starts afresh', () => {
    // Prepare
    const { clock, throttle } = throttleAt(1000);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      throttle.begin('ann@x', 'a');
      clock.now += 10;
    }

    // Act
    const during = throttle.begin('ann@x', 'a');
    clock.now = 1020 + 300;
    const after = [throttle.begin('ann@x', 'a'), throttle.begin('ann@x', 'a')];

    // Assess: locked at 1020 until 1320; after that two more failures are allowed again
    expect(during).toEqual({ scope: 'account', retryAfterSeconds: 290 });
    expect(after.some(isLockout)).toBe(false);
  });
});
