import { ErrorResponse } from 'oidc-client-ts';
import type { ErrorContext } from 'react-oidc-context';
import { describe, expect, it } from 'vitest';
import { isWorthShowing, providerErrorCode, silentSignInArgs } from '../../src/auth/silent-sign-in';

const callbackError = (code: string): ErrorContext => {
  const inner = new ErrorResponse({ error: code, error_description: `about ${code}` });
  return { name: inner.name, message: inner.message, innerError: inner, source: 'signinCallback' };
};

describe('silentSignInArgs', () => {
  it('asks the provider to show nothing, with a fresh nonce and the page to return to', () => {
    // Act
    const args = silentSignInArgs({ pathname: '/', search: '?type=cat' });

    // Assess
    expect(args.prompt).toBe('none');
    expect(args.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(args.state).toEqual({ returnTo: '/?type=cat' });
    expect(args).not.toHaveProperty('extraQueryParams');
  });
});

describe('providerErrorCode', () => {
  it('reads the error code the provider sent, and nothing from other failures', () => {
    // Act / Assess
    expect(providerErrorCode(callbackError('login_required'))).toBe('login_required');
    expect(
      providerErrorCode({
        name: 'TypeError',
        message: 'Failed to fetch',
        source: 'signinRedirect',
        args: undefined,
      }),
    ).toBeUndefined();
    expect(providerErrorCode(undefined)).toBeUndefined();
  });
});

describe('isWorthShowing', () => {
  it.each([
    ['login_required', false],
    ['consent_required', false],
    ['interaction_required', false],
    ['account_selection_required', false],
    ['access_denied', true],
    ['server_error', true],
  ])('a callback answering %s is shown: %s', (code, shown) => {
    // Act / Assess
    expect(isWorthShowing(callbackError(code))).toBe(shown);
  });

  it('shows a redirect that could not start and a state that did not match; nothing for no error', () => {
    // Prepare
    const unreachable: ErrorContext = {
      name: 'TypeError',
      message: 'Failed to fetch',
      source: 'signinRedirect',
      args: undefined,
    };
    const mismatch: ErrorContext = {
      name: 'Error',
      message: 'No matching state found in storage',
      source: 'signinCallback',
    };

    // Act / Assess
    expect(isWorthShowing(unreachable)).toBe(true);
    expect(isWorthShowing(mismatch)).toBe(true);
    expect(isWorthShowing(undefined)).toBe(false);
  });
});
