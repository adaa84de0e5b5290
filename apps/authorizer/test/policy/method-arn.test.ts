import { describe, expect, it } from 'vitest';
import { AuthorizerFaultError } from '../../src/errors';
import { parseMethodArn, stagePrefix } from '../../src/policy/method-arn';

describe('methodArn (A1)', () => {
  it('splits region, account, API, stage, method and concrete path', () => {
    // Act
    const arn = parseMethodArn(
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/POST/pets/7/purchase',
    );
    // Assess
    expect(arn).toEqual({
      partition: 'aws',
      region: 'eu-west-1',
      account: '123456789012',
      apiId: 'abc123',
      stage: 'prod',
      method: 'POST',
      path: '/pets/7/purchase',
    });
    expect(stagePrefix(arn)).toBe('arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/');
  });

  it('keeps other partitions and the root path', () => {
    const arn = parseMethodArn('arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/v1/GET/');
    expect([arn.partition, arn.path]).toEqual(['aws-cn', '/']);
  });

  it('a wildcard or another shape in API Gateway’s part is a fault (500), not the token’s', () => {
    const bad = [
      undefined,
      '',
      'arn:aws:lambda:eu-west-1:123456789012:function:x',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/*/GET/pets',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/get/pets',
      'arn:aws:execute-api:eu-west-1:123456789012:abc*/prod/GET/pets',
      'arn:aws:execute-api:eu-west-1:12345678901?:abc123/prod/GET/pets',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/pr?d/GET/pets',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/*/pets',
    ];
    for (const value of bad) expect(() => parseMethodArn(value)).toThrow(AuthorizerFaultError);
  });
});
