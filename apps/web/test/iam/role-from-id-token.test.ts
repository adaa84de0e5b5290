import { roleSessionTags, sessionTagsClaim } from '@petstore/domain/roles';
import { describe, expect, it } from 'vitest';
import { roleFromIdToken } from '../../src/iam/role-from-id-token';

describe('roleFromIdToken', () => {
  it('reads the role the identity provider tagged, for both roles', () => {
    // Act / Assess
    expect(roleFromIdToken({ [sessionTagsClaim]: roleSessionTags('admin') })).toBe('admin');
    expect(roleFromIdToken({ [sessionTagsClaim]: roleSessionTags('buyer') })).toBe('buyer');
  });

  it('finds no role without the claim, with a malformed one, or one naming no role of the store', () => {
    // Prepare
    const tagged = (value: unknown) => ({
      [sessionTagsClaim]: { principal_tags: { PetRole: value } },
    });

    // Act / Assess
    expect(roleFromIdToken({ sub: 'x' })).toBeUndefined();
    expect(roleFromIdToken({ [sessionTagsClaim]: 'PetRole=admin' })).toBeUndefined();
    expect(roleFromIdToken({ [sessionTagsClaim]: { principal_tags: [] } })).toBeUndefined();
    expect(roleFromIdToken(tagged('admin'))).toBeUndefined();
    expect(roleFromIdToken(tagged(['admin', 'buyer']))).toBeUndefined();
    expect(roleFromIdToken(tagged(['staff']))).toBeUndefined();
    expect(roleFromIdToken(tagged(['constructor']))).toBeUndefined();
    expect(roleFromIdToken(tagged([]))).toBeUndefined();
  });

  it('takes nothing inherited: a claim without its own principal_tags names no role', () => {
    // Prepare
    const inherited = Object.create({ principal_tags: { PetRole: ['admin'] } }) as object;

    // Act / Assess
    expect(roleFromIdToken({ [sessionTagsClaim]: inherited })).toBeUndefined();
  });
});
