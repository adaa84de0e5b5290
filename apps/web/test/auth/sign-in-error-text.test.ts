import type { ErrorContext } from 'react-oidc-context';
import { expect, it } from 'vitest';
import { signInErrorText } from '../../src/auth/sign-in-error-text';

const error = (source: ErrorContext['source'], message: string) =>
  ({ name: 'Error', message, source }) as ErrorContext;

it.each([
  [error('signinCallback', 'access_denied'), 'Sign-in was cancelled. You can try again.'],
  [
    error('signinCallback', 'No matching state found in storage'),
    'That sign-in answer did not match a sign-in started here, so it was ignored. Please sign in again.',
  ],
  [
    error('signinRedirect', 'Failed to fetch'),
    'The sign-in service could not be reached. Check your connection, then try again.',
  ],
  [error('signinCallback', 'invalid_grant'), 'Sign-in did not complete. Please try again.'],
])('%s reads: %s', (problem, text) => {
  // Act / Assess
  expect(signInErrorText(problem)).toBe(text);
});
