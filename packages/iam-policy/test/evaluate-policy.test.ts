import { describe, expect, it } from 'vitest';
import { arnMatches, evaluatePolicy, type PolicyDocument } from '../src/evaluate-policy';

const api = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod';
const policy = (...Statement: PolicyDocument['Statement']): PolicyDocument => ({
  Version: '2012-10-17',
  Statement,
});

describe('A8: resource matching', () => {
  it('`*` matches any run of characters, slashes included', () => {
    expect(arnMatches(`${api}/GET/*`, `${api}/GET/pets/7/purchase`)).toBe(true);
    expect(arnMatches(`${api}/*/pets`, `${api}/DELETE/pets`)).toBe(true);
  });

  it('`?` matches exactly one character', () => {
    expect(arnMatches(`${api}/GET/pets/?`, `${api}/GET/pets/7`)).toBe(true);
    expect(arnMatches(`${api}/GET/pets/?`, `${api}/GET/pets/77`)).toBe(false);
  });

  it('the whole ARN must match, not a prefix', () => {
    expect(arnMatches(`${api}/GET/pets`, `${api}/GET/pets/7`)).toBe(false);
    expect(arnMatches(`${api}/GET/pets`, `x${api}/GET/pets`)).toBe(false);
  });

  it('other characters are literal, regular-expression characters included', () => {
    expect(arnMatches(`${api}/GET/pets.json`, `${api}/GET/petsXjson`)).toBe(false);
  });
});

describe('A7: policy evaluation', () => {
  const arn = `${api}/DELETE/pets/7`;

  it('allows what an Allow statement matches', () => {
    const allow = policy({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: [`${api}/*`] });
    expect(evaluatePolicy(allow, arn)).toBe('allow');
  });

  it('an explicit Deny wins over a matching Allow', () => {
    const both = policy(
      { Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `${api}/*` },
      { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: `${api}/DELETE/*` },
    );
    expect(evaluatePolicy(both, arn)).toBe('explicit-deny');
  });

  it('denies implicitly what no statement matches', () => {
    const other = policy({
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: `${api}/GET/*`,
    });
    expect(evaluatePolicy(other, arn)).toBe('implicit-deny');
  });

  it('ignores statements about other actions', () => {
    const wrongAction = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    expect(evaluatePolicy(wrongAction, arn)).toBe('implicit-deny');
    const wildcardAction = policy({ Effect: 'Allow', Action: 'execute-api:*', Resource: '*' });
    expect(evaluatePolicy(wildcardAction, arn)).toBe('allow');
  });
});
