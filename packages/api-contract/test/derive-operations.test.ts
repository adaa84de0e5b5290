import { describe, expect, it } from 'vitest';
import { deriveOperations } from '../src/derive-operations';
import { loadContract } from '../src/document';
import { operation, operations } from '../src/operations';

describe('the operation table', () => {
  it('lists every operation of the contract with its permission', () => {
    expect(
      operations.map((row) => `${row.method} ${row.path} ${row.permissions.join(',')}`),
    ).toEqual([
      'GET /pets read:pets',
      'POST /pets create:pets',
      'GET /pets/{petId} read:pets',
      'DELETE /pets/{petId} delete:pets',
      'POST /pets/{petId}/purchase purchase:pets',
      'GET /me read:pets',
    ]);
  });

  it('is what the contract says today (generated file is fresh)', () => {
    expect(deriveOperations(loadContract())).toEqual(operations);
  });

  it('finds one operation by id', () => {
    expect(operation('purchasePet')).toMatchObject({
      method: 'POST',
      path: '/pets/{petId}/purchase',
    });
  });

  it('refuses an operation without a security requirement', () => {
    // Prepare
    const document = { paths: { '/open': { get: { operationId: 'open' } } } };

    // Act and Assess
    expect(() => deriveOperations(document)).toThrow('GET /open must declare exactly one security');
  });

  it('refuses an operation without an operationId', () => {
    const document = { paths: { '/x': { post: { security: [{ oauth2: ['a'] }] } } } };
    expect(() => deriveOperations(document)).toThrow('POST /x has no operationId');
  });
});
