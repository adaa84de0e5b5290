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
