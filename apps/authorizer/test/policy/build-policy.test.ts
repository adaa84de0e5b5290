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
});
