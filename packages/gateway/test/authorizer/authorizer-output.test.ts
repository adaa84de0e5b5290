import { describe, expect, it } from 'vitest';
import { checkAuthorizerOutput } from '../../src/authorizer/authorizer-output';

const policyDocument = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: ['arn:x/*'] }],
};

describe('checkAuthorizerOutput (A5, A6)', () => {
  it('accepts a principal, a policy and a context of strings, numbers and booleans, as strings', () => {
    // Act
    const checked = checkAuthorizerOutput({
      principalId: 'u',
      policyDocument,
      context: { n: 1.5, b: false, s: 'x' },
    });

    // Assess
    expect(checked).toMatchObject({
      ok: true,
      output: { principalId: 'u', context: { n: '1.5', b: 'false', s: 'x' } },
    });
  });

  it.each([
    [{ policyDocument }, 'principalId'],
    [{ principalId: 'u' }, 'policyDocument'],
    [
      {
        principalId: 'u',
        policyDocument: {
          ...policyDocument,
          Statement: [{ Effect: 'allow', Action: 'a', Resource: 'r' }],
        },
      },
      'Effect',
    ],
    [
      {
        principalId: 'u',
        policyDocument: { ...policyDocument, Statement: [{ Effect: 'Allow', Resource: 'r' }] },
      },
      'Action',
    ],
    [{ principalId: 'u', policyDocument, context: { list: [1] } }, 'context.list is an array'],
    [{ principalId: 'u', policyDocument, context: { nothing: null } }, 'context.nothing is null'],
    ['Allow', 'not an object'],
  ])('refuses %j (%s)', (output, problem) => {
    // Act
    const checked = checkAuthorizerOutput(output);

    // Assess
    expect(checked.ok).toBe(false);
    expect(checked.ok ? '' : checked.problem).toContain(problem);
  });
});
