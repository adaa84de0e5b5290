import { describe, expect, it } from 'vitest';
import { returnPathOf, signInArgs } from '../../src/auth/sign-in-args';

describe('signInArgs', () => {
  it('asks for a fresh random nonce every time and remembers the page to return to', () => {
    // Act
    const first = signInArgs({ pathname: '/', search: '?type=cat' });
    const second = signInArgs({ pathname: '/', search: '' });

    // Assess
    expect(first.nonce).toMatch(/^[0-9a-f]{32}$/);
    expect(second.nonce).not.toBe(first.nonce);
    expect(first.state).toEqual({ returnTo: '/?type=cat' });
  });
});

describe('returnPathOf', () => {
  it.each([
    [{ returnTo: '/?type=cat' }, '/?type=cat'],
    [{ returnTo: '//evil.example/' }, '/'],
    [{ returnTo: 'https://evil.example/' }, '/'],
    [{ returnTo: '/callback?code=x' }, '/'],
    [{ returnTo: 42 }, '/'],
    [undefined, '/'],
  ])('goes back to a path of this app only: %j -> %s', (state, path) => {
    // Act / Assess
    expect(returnPathOf({ state })).toBe(path);
  });
});
