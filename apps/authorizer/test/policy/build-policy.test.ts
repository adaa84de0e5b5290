import type { OperationRow } from '@petstore/api-contract/operations';
import { evaluatePolicy } from '@petstore/iam-policy/evaluate';
import { parseMethodArn } from '@petstore/iam-policy/execute-api-arn';
import { UnsafeRouteTableError } from '@petstore/iam-policy/plan';
import { describe, expect, it } from 'vitest';
import { createPolicyBuilder } from '../../src/policy/build-policy';
import { api } from '../support/authorizer';

const row = (
  operationId: string,
  method: OperationRow['method'],
  path: string,
  permissions: string[],
): OperationRow => ({ operationId, method, path, permissions });
const arn = (method: string, path: string) => `${api}/${method}${path}`;
/** The methodArn of `method path`, parsed as the authorizer does. */
const parsed = (method: string, path: string) => {
  const called = parseMethodArn(arn(method, path));
  if (!called) throw new Error(`not a method ARN: ${arn(method, path)}`);
  return called;
};

describe("the builder turns the planner's plans into statements (A8, A9)", () => {
  it('a route under a wildcard that needs other permissions is denied explicitly', () => {
    // Prepare: GET /pets/* would also match GET /pets/7/history
    const policyFor = createPolicyBuilder([
      row('getPet', 'GET', '/pets/{petId}', ['read:pets']),
      row('getHistory', 'GET', '/pets/{petId}/history', ['audit:pets']),
    ]);
    const called = parsed('GET', '/pets/7');
    // Act
    const reader = policyFor(['read:pets'], called);
    const auditor = policyFor(['read:pets', 'audit:pets'], called);
    // Assess
    expect(evaluatePolicy(reader, arn('GET', '/pets/7'))).toBe('allow');
    expect(evaluatePolicy(reader, arn('GET', '/pets/7/history'))).toBe('explicit-deny');
    expect(evaluatePolicy(auditor, arn('GET', '/pets/7/history'))).toBe('allow');
    expect(auditor.Statement.map((statement) => statement.Effect)).toEqual(['Allow']);
  });

  it('two templates matching the same request are refused when the builder is made', () => {
    // Prepare: both match GET /f/y/z; no Allow/Deny pair separates them
    const table = [row('a', 'GET', '/f/{a}/z', ['p']), row('b', 'GET', '/f/y/{b}', ['q'])];
    // Act + Assess
    expect(() => createPolicyBuilder(table)).toThrow(UnsafeRouteTableError);
  });

  it('builds a policy once per plan and stage: one frozen document shared by the calls that need it', () => {
    // Prepare
    const policyFor = createPolicyBuilder([
      row('listPets', 'GET', '/pets', ['read:pets']),
      row('createPet', 'POST', '/pets', ['create:pets']),
    ]);
    const otherStage = parseMethodArn(
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/test/GET/pets',
    );
    if (!otherStage) throw new Error('not a method ARN');

    // Act
    const first = policyFor(['read:pets'], parsed('GET', '/pets'));
    const again = policyFor(['read:pets'], parsed('POST', '/pets'));
    const staged = policyFor(['read:pets'], otherStage);
    const other = policyFor(['read:pets', 'create:pets'], parsed('GET', '/pets'));

    // Assess
    expect(again).toBe(first);
    expect(staged).not.toBe(first);
    expect(staged.Statement[0]?.Resource).toEqual([
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/test/GET/pets',
    ]);
    expect(other).not.toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.Statement[0]?.Resource)).toBe(true);
    expect(() => first.Statement.push({ Effect: 'Allow', Action: '*', Resource: '*' })).toThrow(
      TypeError,
    );
  });
});
