import { describe, expect, it } from 'vitest';
import {
  evaluateIdentity,
  type PolicyDocument,
  type PolicyStatement,
} from '../src/evaluate-request';

// Source, restated: IAM User Guide, "Session policies" (in "Policies and permissions in IAM")
// and "Permissions for AssumeRole, AssumeRoleWithSAML, and AssumeRoleWithWebIdentity": the
// session may do what both the role's identity policies and the session policy allow; a
// session policy cannot grant more; an explicit Deny in either denies.

const policy = (...Statement: PolicyStatement[]): PolicyDocument => ({
  Version: '2012-10-17',
  Statement,
});
const api = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod';
const admin = new Map([['aws:PrincipalTag/PetRole', 'admin']]);
const request = (method: string, path: string, context = admin) => ({
  action: 'execute-api:Invoke',
  resource: `${api}/${method}${path}`,
  context,
});

/** The admin role's identity policy: admin routes, for sessions tagged admin. */
const adminRole = policy({
  Effect: 'Allow',
  Action: 'execute-api:Invoke',
  Resource: [`${api}/GET/pets`, `${api}/POST/pets`, `${api}/DELETE/pets/*`],
  Condition: { StringEquals: { 'aws:PrincipalTag/PetRole': 'admin' } },
});

describe('an assumed-role session: identity policies intersected with the session policy', () => {
  it('without a session policy, the identity policies decide', () => {
    const session = { identityPolicies: [adminRole] };
    expect(evaluateIdentity(session, request('DELETE', '/pets/7'))).toBe('allow');
    expect(evaluateIdentity(session, request('POST', '/pets/7/purchase'))).toBe('implicit-deny');
  });

  it('the identity policies’ conditions see the session’s principal tags', () => {
    const buyerTagged = new Map([['aws:PrincipalTag/PetRole', 'buyer']]);
    const session = { identityPolicies: [adminRole] };
    expect(evaluateIdentity(session, request('DELETE', '/pets/7', buyerTagged))).toBe(
      'implicit-deny',
    );
  });

  it('a session policy narrows: allowed only where both allow', () => {
    const readOnly = policy({
      Effect: 'Allow',
      Action: 'execute-api:Invoke',
      Resource: `${api}/GET/*`,
    });
    const session = { identityPolicies: [adminRole], sessionPolicy: readOnly };
    expect(evaluateIdentity(session, request('GET', '/pets'))).toBe('allow');
    expect(evaluateIdentity(session, request('DELETE', '/pets/7'))).toBe('implicit-deny');
  });

  it('a session policy cannot grant more than the identity policies', () => {
    const everything = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
    const session = { identityPolicies: [adminRole], sessionPolicy: everything };
    expect(evaluateIdentity(session, request('POST', '/pets/7/purchase'))).toBe('implicit-deny');
  });

  it('an explicit Deny in either policy wins', () => {
    const denyDelete = policy({
      Effect: 'Deny',
      Action: 'execute-api:Invoke',
      Resource: `${api}/DELETE/*`,
    });
    const allowAll = policy({ Effect: 'Allow', Action: '*', Resource: '*' });
    expect(
      evaluateIdentity(
        { identityPolicies: [adminRole], sessionPolicy: denyDelete },
        request('DELETE', '/pets/7'),
      ),
    ).toBe('explicit-deny');
    expect(
      evaluateIdentity(
        { identityPolicies: [adminRole, denyDelete], sessionPolicy: allowAll },
        request('DELETE', '/pets/7'),
      ),
    ).toBe('explicit-deny');
  });
});
