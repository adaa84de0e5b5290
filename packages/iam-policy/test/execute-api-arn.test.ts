import { describe, expect, it } from 'vitest';
import {
  buildMethodArn,
  InvalidMethodArnError,
  type MethodArn,
  parseMethodArn,
  stagePrefix,
} from '../src/execute-api-arn';

// The shape is A1 of packages/gateway/AWS-BEHAVIOR.md:
// arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/VERB/concrete/path.
const stage = {
  partition: 'aws',
  region: 'eu-west-1',
  account: '123456789012',
  apiId: 'abc123',
  stage: 'prod',
} as const;

describe('parseMethodArn', () => {
  it('splits partition, region, account, API, stage, method and concrete path', () => {
    // Act
    const arn = parseMethodArn(
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/POST/pets/7/purchase',
    );
    // Assess
    expect(arn).toEqual({ ...stage, method: 'POST', path: '/pets/7/purchase' });
  });

  it('keeps other partitions and the root path', () => {
    const arn = parseMethodArn('arn:aws-cn:execute-api:cn-north-1:123456789012:abc123/v1/GET/');
    expect([arn?.partition, arn?.path]).toEqual(['aws-cn', '/']);
  });

  it('gives the root path to an ARN ending at the method', () => {
    const arn = parseMethodArn('arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET');
    expect(arn?.path).toBe('/');
  });

  it('keeps any called path as it came, wildcards and line breaks included', () => {
    const arn = parseMethodArn(
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/*?x\n',
    );
    expect(arn?.path).toBe('/pets/*?x\n');
  });

  it('refuses a wildcard, a lower-case method or another shape in API Gateway’s part', () => {
    const bad = [
      undefined,
      42,
      '',
      'arn:aws:lambda:eu-west-1:123456789012:function:x',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/*/GET/pets',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/get/pets',
      'arn:aws:execute-api:eu-west-1:123456789012:abc*/prod/GET/pets',
      'arn:aws:execute-api:eu-west-1:12345678901?:abc123/prod/GET/pets',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/pr?d/GET/pets',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/*/pets',
      'arn:aws:execute-api:eu west-1:123456789012:abc123/prod/GET/pets',
      'arn:gcp:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets',
    ];
    expect(bad.map(parseMethodArn)).toEqual(bad.map(() => undefined));
  });
});

describe('stagePrefix', () => {
  it('is everything before the method, ending in /', () => {
    expect(stagePrefix(stage)).toBe('arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/');
  });

  it('is the prefix of the ARN it was parsed from', () => {
    const text = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/DELETE/pets/7';
    const arn = parseMethodArn(text);
    expect(arn && text.startsWith(stagePrefix(arn))).toBe(true);
  });

  it.each([
    ['a wildcard stage', { ...stage, stage: '*' }],
    ['a stage with a /', { ...stage, stage: 'prod/GET' }],
    ['an API id with a ?', { ...stage, apiId: 'abc?' }],
    ['an account with a :', { ...stage, account: '1234:5678' }],
    ['an empty region', { ...stage, region: '' }],
    ['another partition', { ...stage, partition: 'azure' }],
  ])('throws InvalidMethodArnError for %s', (_, parts) => {
    expect(() => stagePrefix(parts)).toThrow(InvalidMethodArnError);
  });
});

describe('buildMethodArn', () => {
  const get = (path: string): MethodArn => ({ ...stage, method: 'GET', path });

  it('is the stage prefix, the method and the concrete path', () => {
    expect(buildMethodArn(get('/pets/7'))).toBe(
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/7',
    );
  });

  it('keeps the called path as it came: wildcards, doubled slashes, the root', () => {
    const built = ['/pets/*', '/pets/?', '//pets', '/'].map((path) => buildMethodArn(get(path)));
    expect(built).toEqual([
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/*',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/?',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET//pets',
      'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/',
    ]);
  });

  it('gives a path without its leading / one', () => {
    expect(buildMethodArn(get('pets'))).toBe(buildMethodArn(get('/pets')));
  });

  it.each(['get', 'M-SEARCH', '*', ''])('throws InvalidMethodArnError for method %j', (method) => {
    expect(() => buildMethodArn({ ...get('/pets'), method })).toThrow(InvalidMethodArnError);
  });

  it('throws InvalidMethodArnError for a stage a method ARN cannot hold', () => {
    expect(() => buildMethodArn({ ...get('/pets'), stage: 'pr*d' })).toThrow(InvalidMethodArnError);
  });

  it('is given back by parseMethodArn (the property over every path is in the gateway’s tests)', () => {
    const arn = { ...stage, stage: 'v1:blue', method: 'PATCH', path: '/pets/a*b?c\r\n' };
    expect(parseMethodArn(buildMethodArn(arn))).toEqual(arn);
  });
});
