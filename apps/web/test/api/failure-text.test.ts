import { expect, it } from 'vitest';
import type { ApiFailure } from '../../src/api/api-failure';
import { failureText } from '../../src/api/failure-text';

it('tells a 401 to sign in again, a 403 that the role does not allow it, a network failure to retry', () => {
  // Act
  const unauthorized = failureText({ kind: 'unauthorized' });
  const forbidden = failureText({ kind: 'forbidden' });
  const network = failureText({ kind: 'network' });

  // Assess
  expect(unauthorized).toEqual({
    text: expect.stringMatching(/sign in again/i),
    action: 'sign-in',
  });
  expect(forbidden).toEqual({ text: 'Your role is not allowed to do that.', action: 'none' });
  expect(network).toEqual({ text: expect.stringMatching(/could not reach/i), action: 'retry' });
});

it('has plain words for every kind of failure, and never shows a code', () => {
  // Prepare
  const failures: ApiFailure[] = [
    { kind: 'not-found' },
    { kind: 'already-sold' },
    { kind: 'validation', fields: [{ pointer: '/body/price', message: 'Too many decimals.' }] },
    { kind: 'rejected', detail: 'The cursor is not valid.' },
    { kind: 'throttled' },
    { kind: 'server' },
    { kind: 'aborted' },
  ];

  // Act
  const texts = failures.map((failure) => failureText(failure).text);

  // Assess
  for (const text of texts) expect(text).toMatch(/^[A-Z][^_]+[.!]$/);
  expect(texts[1]).toContain('no longer available');
  expect(texts[2]).toContain('Too many decimals.');
  expect(texts[3]).toContain('The cursor is not valid.');
});

it("tells IAM mode's credential problems in plain words, with what the person can do", () => {
  // Act
  const text = (reason: Extract<ApiFailure, { kind: 'credentials' }>['reason']) =>
    failureText({ kind: 'credentials', reason });

  // Assess
  expect(text('no-role')).toEqual({ text: expect.stringMatching(/no role/), action: 'none' });
  expect(text('access-denied')).toEqual({
    text: expect.stringMatching(/did not let your account take its role/),
    action: 'none',
  });
  expect(text('invalid-token')).toEqual({
    text: expect.stringMatching(/did not accept your sign-in/),
    action: 'sign-in',
  });
  expect(text('expired-token')).toEqual({
    text: 'Your sign-in has expired. Sign in again to carry on.',
    action: 'sign-in',
  });
  expect(text('unreachable')).toEqual({
    text: expect.stringMatching(/Could not reach AWS/),
    action: 'retry',
  });
  expect(text('unexpected')).toEqual({ text: expect.stringMatching(/try again/), action: 'retry' });
  for (const reason of ['no-role', 'access-denied', 'invalid-token', 'unexpected'] as const) {
    expect(text(reason).text).not.toMatch(/AccessDenied|InvalidIdentityToken|STS|_/);
  }
});
