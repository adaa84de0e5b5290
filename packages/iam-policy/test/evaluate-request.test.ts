import { describe, expect, it } from 'vitest';
import {
  evaluateRequest,
  InvalidPolicyError,
  type PolicyDocument,
  type PolicyStatement,
  UnsupportedPolicyError,
} from '../src/evaluate-request';

// Sources, restated: IAM User Guide pages "Policy evaluation logic" and "The difference
// between explicit and implicit denies" (EV), "IAM JSON policy elements: Action" and
// "NotAction" (AC), "Resource" and "NotResource" (RE), "Principal" (PR).

const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement,
});
const api = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod';
const invoke = (resource: string, context = new Map<string, string>()) => ({
  action: 'execute-api:Invoke',
  resource,
  context,
});

describe('decisions (EV)', () => {
  const allowAll = policy({ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: `${api}/*` });
  const denyDelete = policy({
    Effect: 'Deny',
    Action: 'execute-api:Invoke',
    Resource: `${api}/DELETE/*`,
  });

  it('an explicit Deny in any policy wins over an Allow in another', () => {
    expect(evaluateRequest([allowAll, denyDelete], invoke(`${api}/DELETE/pets/7`))).toBe(
      'explicit-deny',
    );
    expect(evaluateRequest([allowAll, denyDelete], invoke(`${api}/GET/pets/7`))).toBe('allow');
  });

  it('no applicable statement, or no policy at all, is an implicit deny', () => {
    expect(evaluateRequest([denyDelete], invoke(`${api}/GET/pets`))).toBe('implicit-deny');
    expect(evaluateRequest([], invoke(`${api}/GET/pets`))).toBe('implicit-deny');
  });

  it('a Deny whose condition does not hold does not apply', () => {
    const denyBuyers = policy({
      Effect: 'Deny',
      Action: 'execute-api:Invoke',
      Resource: '*',
      Condition: { StringEquals: { 'aws:PrincipalTag/PetRole': 'buyer' } },
    });
    const admin = new Map([['aws:PrincipalTag/PetRole', 'admin']]);
    const buyer = new Map([['aws:PrincipalTag/PetRole', 'buyer']]);
    expect(evaluateRequest([allowAll, denyBuyers], invoke(`${api}/GET/pets`, admin))).toBe('allow');
    expect(evaluateRequest([allowAll, denyBuyers], invoke(`${api}/GET/pets`, buyer))).toBe(
      'explicit-deny',
    );
  });
});

describe('actions (AC)', () => {
  const request = (action: string) => ({ action, resource: `${api}/GET/pets`, context: new Map() });

  it('are matched case-insensitively, with `*` and `?` wildcards', () => {
    for (const action of [
      'execute-api:Invoke',
      'EXECUTE-API:invoke',
      'execute-api:*',
      '*',
      'execute-api:Inv?ke',
    ]) {
      const allow = policy({ Effect: 'Allow', Action: action, Resource: '*' });
      expect(evaluateRequest([allow], request('execute-api:Invoke'))).toBe('allow');
    }
    const other = policy({
      Effect: 'Allow',
      Action: ['s3:GetObject', 'execute-api:ManageConnections'],
      Resource: '*',
    });
    expect(evaluateRequest([other], request('execute-api:Invoke'))).toBe('implicit-deny');
  });

  it('NotAction applies to every action except those listed', () => {
    const denyAllButInvoke = policy(
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', NotAction: 'execute-api:Invoke', Resource: '*' },
    );
    expect(evaluateRequest([denyAllButInvoke], request('execute-api:Invoke'))).toBe('allow');
    expect(evaluateRequest([denyAllButInvoke], request('execute-api:InvalidateCache'))).toBe(
      'explicit-deny',
    );
  });
});

describe('resources (RE)', () => {
  it('Resource uses A8 matching; NotResource applies to every resource except those listed', () => {
    const allowGetsButMe = policy({
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      NotResource: [`${api}/GET/me`, `${api}/POST/*`],
    });
    expect(evaluateRequest([allowGetsButMe], invoke(`${api}/GET/pets`))).toBe('allow');
    expect(evaluateRequest([allowGetsButMe], invoke(`${api}/GET/me`))).toBe('implicit-deny');
    expect(evaluateRequest([allowGetsButMe], invoke(`${api}/POST/pets`))).toBe('implicit-deny');
  });

  it('ARNs are compared case-sensitively', () => {
    const allow = policy({
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: `${api}/GET/pets`,
    });
    expect(evaluateRequest([allow], invoke(`${api}/GET/Pets`))).toBe('implicit-deny');
  });
});

describe('trust policies: principals and web-identity conditions (PR)', () => {
  const provider = 'arn:aws:iam::123456789012:oidc-provider/127.0.0.1:9000';
  const adminTrust = policy({
    Effect: 'Allow',
    Principal: { Federated: provider },
    Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
    Condition: {
      StringEquals: { '127.0.0.1:9000:aud': 'petstore-spa', 'aws:RequestTag/PetRole': 'admin' },
    },
  });
  const assume = (
    action: string,
    principal: { type: 'Federated' | 'AWS'; id: string },
    tags: Record<string, string>,
  ) => ({
    action,
    principal,
    context: new Map(Object.entries({ '127.0.0.1:9000:aud': 'petstore-spa', ...tags })),
  });
  const federated = { type: 'Federated' as const, id: provider };

  it('the provider named in Principal.Federated, with the admin tag, may assume and tag', () => {
    const admin = { 'aws:RequestTag/PetRole': 'admin' };
    expect(
      evaluateRequest([adminTrust], assume('sts:AssumeRoleWithWebIdentity', federated, admin)),
    ).toBe('allow');
    expect(evaluateRequest([adminTrust], assume('sts:TagSession', federated, admin))).toBe('allow');
  });

  it('a buyer asking for the admin role is refused', () => {
    const buyer = { 'aws:RequestTag/PetRole': 'buyer' };
    expect(
      evaluateRequest([adminTrust], assume('sts:AssumeRoleWithWebIdentity', federated, buyer)),
    ).toBe('implicit-deny');
  });

  it('another provider, or the same ARN as another kind of principal, is not the principal', () => {
    const admin = { 'aws:RequestTag/PetRole': 'admin' };
    const other = {
      type: 'Federated' as const,
      id: 'arn:aws:iam::123456789012:oidc-provider/evil.example',
    };
    const asAws = { type: 'AWS' as const, id: provider };
    expect(
      evaluateRequest([adminTrust], assume('sts:AssumeRoleWithWebIdentity', other, admin)),
    ).toBe('implicit-deny');
    expect(
      evaluateRequest([adminTrust], assume('sts:AssumeRoleWithWebIdentity', asAws, admin)),
    ).toBe('implicit-deny');
  });

  it('`*` is everyone; `{ AWS: "*" }` every AWS principal; an account names its principals', () => {
    const session = {
      type: 'AWS' as const,
      id: 'arn:aws:sts::123456789012:assumed-role/admin/ada',
    };
    const trust = (Principal: NonNullable<PolicyStatement['Principal']>) =>
      policy({ Effect: 'Allow', Principal, Action: 'sts:AssumeRole' });
    const request = (principal: { type: 'AWS' | 'Federated'; id: string }) => ({
      action: 'sts:AssumeRole',
      principal,
      context: new Map(),
    });
    expect(evaluateRequest([trust('*')], request(federated))).toBe('allow');
    expect(evaluateRequest([trust({ AWS: '*' })], request(session))).toBe('allow');
    expect(evaluateRequest([trust({ AWS: '*' })], request(federated))).toBe('implicit-deny');
    expect(evaluateRequest([trust({ AWS: '123456789012' })], request(session))).toBe('allow');
    expect(
      evaluateRequest([trust({ AWS: 'arn:aws:iam::123456789012:root' })], request(session)),
    ).toBe('allow');
    expect(
      evaluateRequest([trust({ AWS: 'arn:aws:iam::210987654321:root' })], request(session)),
    ).toBe('implicit-deny');
  });
});

describe('malformed or unsupported policies throw', () => {
  const request = { action: 'x:Do', resource: 'arn:aws:s3:::b', context: new Map() };
  const evaluate = (statement: Record<string, unknown>) =>
    evaluateRequest(
      [{ Version: '2012-10-17', Statement: [statement as unknown as PolicyStatement] }],
      request,
    );

  it('a statement without Action or with both Action and NotAction', () => {
    expect(() => evaluate({ Effect: 'Allow', Resource: '*' })).toThrow(InvalidPolicyError);
    expect(() =>
      evaluate({ Effect: 'Allow', Action: '*', NotAction: 'x:Do', Resource: '*' }),
    ).toThrow(InvalidPolicyError);
  });

  it('an identity statement without Resource, or an Effect other than Allow/Deny', () => {
    expect(() => evaluate({ Effect: 'Allow', Action: '*' })).toThrow(InvalidPolicyError);
    expect(() => evaluate({ Effect: 'allow', Action: '*', Resource: '*' })).toThrow(
      InvalidPolicyError,
    );
  });

  it('a Resource in a policy evaluated without resource, a Principal without principal', () => {
    const trust = (statement: Record<string, unknown>) =>
      evaluateRequest(
        [{ Version: '2012-10-17', Statement: [statement as unknown as PolicyStatement] }],
        { action: 'x:Do', context: new Map() },
      );
    expect(() => trust({ Effect: 'Allow', Action: '*', Resource: '*' })).toThrow(
      InvalidPolicyError,
    );
    expect(() => trust({ Effect: 'Allow', Action: '*', Principal: '*' })).toThrow(
      InvalidPolicyError,
    );
    expect(() => evaluate({ Effect: 'Allow', Action: '*', Resource: '*', Principal: '*' })).toThrow(
      InvalidPolicyError,
    );
  });

  it('NotPrincipal and policy variables in resources are not supported', () => {
    expect(() =>
      evaluate({ Effect: 'Deny', Action: '*', Resource: '*', NotPrincipal: '*' }),
    ).toThrow(UnsupportedPolicyError);
    const variable = ['arn:aws:s3:::b/$', '{aws:username}'].join('');
    expect(() => evaluate({ Effect: 'Allow', Action: '*', Resource: variable })).toThrow(
      UnsupportedPolicyError,
    );
  });

  it('the error names the statement', () => {
    expect(() => evaluate({ Sid: 'Broken', Effect: 'Allow', Action: [], Resource: '*' })).toThrow(
      /Statement\[0\] \(Broken\)/,
    );
  });
});
