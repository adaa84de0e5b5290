import { afterEach, describe, expect, it } from 'vitest';
import type { Landing } from '../../src/flows/form-browser';
import { alertOf } from '../../src/flows/html-form';
import type { DevIdp, StartDevIdpOptions } from '../../src/server/start-dev-idp';
import { meterScrypt } from '../support/scrypt-meter';
import { postPassword, preparePasswordPost } from '../support/sign-in-page';
import { startTestIdp } from '../support/test-idp';

const clerk = { email: 'clerk@petstore.local', password: 'petstore-clerk-demo' };
const started: DevIdp[] = [];
let clock = 1_800_000_000;

async function idpWith(options: StartDevIdpOptions = {}) {
  const { idp } = await startTestIdp({ now: () => clock, ...options });
  started.push(idp);
  return idp;
}
afterEach(async () => {
  await Promise.all(started.splice(0).map((idp) => idp.close()));
});

/** What a sign-in attempt ended in: a code for the client, or the status and alert of the page. */
function outcome(landing: Landing) {
  if (landing.kind === 'stopped') {
    return new URL(landing.url).searchParams.get('code') ? 'signed in' : landing.url;
  }
  return `${landing.status} ${alertOf(landing.body) ?? ''}`;
}

const wrong = (idp: DevIdp, email = clerk.email) => postPassword(idp, email, 'a wrong guess');
const right = (idp: DevIdp) => postPassword(idp, clerk.email, clerk.password);

describe('failed sign-in limits', () => {
  it('locks an account out after 5 failures, refusing even the right password until the lockout ends', async () => {
    // Prepare
    const idp = await idpWith();
    const failures: string[] = [];
    for (let guess = 0; guess < 5; guess += 1) failures.push(outcome(await wrong(idp)));

    // Act
    const locked = await right(idp);
    clock += 14 * 60;
    const stillLocked = outcome(await right(idp));
    clock += 60;
    const afterLockout = outcome(await right(idp));

    // Assess
    expect(failures).toEqual(Array(5).fill('401 Wrong email or password.'));
    expect(outcome(locked)).toBe(
      '429 Too many failed sign-ins for this email address. Try again in 15 minutes.',
    );
    expect(locked.kind === 'page' && locked.headers.get('retry-after')).toBe('900');
    expect(stillLocked).toBe(
      '429 Too many failed sign-ins for this email address. Try again in 1 minute.',
    );
    expect(afterLockout).toBe('signed in');
  });

  it('counts an unknown email like a known one, so a lockout tells nothing about who exists', async () => {
    // Prepare
    const idp = await idpWith();
    for (let guess = 0; guess < 5; guess += 1) await wrong(idp, 'nobody@petstore.local');

    // Act
    const landing = await wrong(idp, 'nobody@petstore.local');

    // Assess
    expect(outcome(landing)).toBe(
      '429 Too many failed sign-ins for this email address. Try again in 15 minutes.',
    );
  });

  it("resets the account's count on a successful sign-in", async () => {
    // Prepare: 4 failures, then the right password
    const idp = await idpWith();
    for (let guess = 0; guess < 4; guess += 1) await wrong(idp);
    expect(outcome(await right(idp))).toBe('signed in');

    // Act: 4 more failures would have locked it out without the reset
    const failures: string[] = [];
    for (let guess = 0; guess < 4; guess += 1) failures.push(outcome(await wrong(idp)));
    const after = outcome(await right(idp));

    // Assess
    expect(failures).toEqual(Array(4).fill('401 Wrong email or password.'));
    expect(after).toBe('signed in');
  });

  it('locks a client address out after its limit of failures, whichever emails it tries', async () => {
    // Prepare: 3 failures per address allowed, each on another email
    const idp = await idpWith({
      signInLimits: {
        perAccount: { maxFailures: 5, windowSeconds: 900, lockoutSeconds: 900 },
        perAddress: { maxFailures: 3, windowSeconds: 600, lockoutSeconds: 300 },
      },
    });
    for (const email of ['a@example.com', 'b@example.com', 'c@example.com'])
      await wrong(idp, email);

    // Act
    const locked = outcome(await right(idp));
    clock += 300;
    const afterLockout = outcome(await right(idp));

    // Assess
    expect(locked).toBe(
      '429 Too many failed sign-ins from your network address. Try again in 5 minutes.',
    );
    expect(afterLockout).toBe('signed in');
  });

  it('forgets failures older than the window', async () => {
    // Prepare: 4 failures, then the window passes
    const idp = await idpWith();
    for (let guess = 0; guess < 4; guess += 1) await wrong(idp);
    clock += 15 * 60 + 1;

    // Act: 4 more, which with the old ones would be 8
    const failures: string[] = [];
    for (let guess = 0; guess < 4; guess += 1) failures.push(outcome(await wrong(idp)));

    // Assess
    expect(failures).toEqual(Array(4).fill('401 Wrong email or password.'));
    expect(outcome(await right(idp))).toBe('signed in');
  });

  it('lets no more parallel guesses through than the limit, and checks no password past it', async () => {
    // Prepare
    const idp = await idpWith();
    const meter = meterScrypt();

    // Act: 10 guesses at once, all on one account
    const landings = await Promise.all(Array.from({ length: 10 }, () => wrong(idp))).finally(() =>
      meter.stop(),
    );

    // Assess
    const outcomes = landings.map(outcome).sort();
    expect(outcomes).toEqual([
      ...Array(5).fill('401 Wrong email or password.'),
      ...Array(5).fill(
        '429 Too many failed sign-ins for this email address. Try again in 15 minutes.',
      ),
    ]);
    expect(meter.started).toBe(5);
  });
});

describe('password hashing', () => {
  it('runs at most 2 scrypt computations at once however many sign-ins arrive together', async () => {
    // Prepare
    const idp = await idpWith();
    const emails = Array.from({ length: 8 }, (_, index) => `guess${index}@example.com`);
    emails[0] = clerk.email;
    const posts = await Promise.all(emails.map(() => preparePasswordPost(idp)));
    const meter = meterScrypt();

    // Act: the 8 guesses sent together
    const landings = await Promise.all(
      posts.map((post, index) => post(emails[index] ?? '', 'a wrong guess')),
    ).finally(() => meter.stop());

    // Assess: every guess was checked, never more than 2 at a time
    expect(landings.map(outcome)).toEqual(Array(8).fill('401 Wrong email or password.'));
    expect(meter.started).toBeGreaterThanOrEqual(8);
    expect(meter.peak).toBeLessThanOrEqual(2);
  });

  it('refuses a sign-in at once with a clear message when too many checks are waiting', async () => {
    // Prepare: one check at a time, none waiting; the first check is kept running
    const idp = await idpWith({ passwordHashing: { maxConcurrent: 1, maxWaiting: 0 } });
    const [postFirst, postSecond] = await Promise.all([
      preparePasswordPost(idp),
      preparePasswordPost(idp),
    ]);
    const meter = meterScrypt({ hold: true });
    const first = postFirst(clerk.email, 'a wrong guess');
    await meter.runningAtLeast(1);

    // Act
    const second = await postSecond('other@example.com', 'a wrong guess').finally(() =>
      meter.stop(),
    );

    // Assess
    expect(outcome(second)).toBe('503 Signing in is busy right now. Try again in a moment.');
    expect(second.kind === 'page' && second.headers.get('retry-after')).toBe('1');
    expect(outcome(await first)).toBe('401 Wrong email or password.');
  });
});
