import { describe, expect, it } from 'vitest';
import { idTokenHeader, wantsIdToken } from '../../src/iam/id-token-header';

describe('wantsIdToken', () => {
  it('is true for purchasePet only, the operation whose contract declares X-Id-Token', () => {
    // Act / Assess
    expect(idTokenHeader).toBe('X-Id-Token');
    expect(wantsIdToken('POST', '/pets/{petId}/purchase')).toBe(true);
    expect(wantsIdToken('post', '/pets/{petId}/purchase')).toBe(true);
    expect(wantsIdToken('GET', '/pets')).toBe(false);
    expect(wantsIdToken('POST', '/pets')).toBe(false);
    expect(wantsIdToken('DELETE', '/pets/{petId}')).toBe(false);
    expect(wantsIdToken('GET', '/me')).toBe(false);
  });
});
