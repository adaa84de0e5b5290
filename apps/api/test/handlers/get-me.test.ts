import { describe, expect, it } from 'vitest';
import { handler } from '../../src/handlers/get-me';
import { sessionOf, users } from '../support/iam-users';
import { invoke } from '../support/invoke';
import {
  type AssumedRoleSession,
  callers,
  roleNames,
  type TokenIdentity,
} from '../support/proxy-event';

const me = (authorizer: TokenIdentity) =>
  invoke(handler, { method: 'GET', resource: '/me', authorizer });

describe('GET /me', () => {
  it('describes a buyer from the authorizer context', async () => {
    const answer = await me(callers.buyer);
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      subject: 'amazon-demo|bea',
      name: 'Bea Buyer',
      permissions: ['read:pets', 'purchase:pets'],
    });
  });

  it('names the client of a machine token', async () => {
    const answer = await me(callers.machine);
    expect(answer.json).toEqual({
      subject: 'petstore-m2m',
      name: 'petstore-m2m',
      permissions: ['read:pets'],
      clientId: 'petstore-m2m',
    });
  });

  it('drops permissions the contract does not know', async () => {
    const answer = await me({ ...callers.admin, permissions: ['read:pets', 'admin:everything'] });
    expect(answer.json.permissions).toEqual(['read:pets']);
  });

  it('refuses a caller without read:pets', async () => {
    const answer = await me({ sub: 'x', name: 'x', permissions: [], tokenType: 'user' });
    expect(answer.status).toBe(403);
  });
});

describe('GET /me on the IAM API', () => {
  const meAs = (assumedRole: AssumedRoleSession) =>
    invoke(handler, { method: 'GET', resource: '/me', assumedRole });

  it("describes a buyer's session: the assumed-role ARN, the session name, the role's permissions", async () => {
    // Prepare
    const session = await sessionOf(users.bea);

    // Act
    const answer = await meAs(session);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      subject:
        'arn:aws:sts::123456789012:assumed-role/BuyerRole/amazon-demo=7Cc840d164c229574e8114d411',
      name: 'amazon-demo=7Cc840d164c229574e8114d411',
      permissions: ['read:pets', 'purchase:pets'],
    });
  });

  it("gives an admin's session the admin permissions", async () => {
    const answer = await meAs(await sessionOf(users.ada));
    expect(answer.json.permissions).toEqual(['read:pets', 'create:pets', 'delete:pets']);
    expect(answer.json.subject).toBe(
      'arn:aws:sts::123456789012:assumed-role/AdminRole/database=7Cadmin',
    );
  });

  it.each([
    ['a role that is not one of ours', { roleName: 'ReadOnlyAccess', sessionName: 'bea' }],
    [
      'our buyer role name in another account',
      { roleName: roleNames.buyer, sessionName: 'bea', accountId: '999999999999' },
    ],
    [
      'an IAM user',
      {
        roleName: roleNames.buyer,
        sessionName: 'x',
        userArn: 'arn:aws:iam::123456789012:user/bea',
      },
    ],
    [
      'a malformed caller ARN',
      {
        roleName: roleNames.buyer,
        sessionName: 'x',
        userArn: 'arn:aws:sts::123456789012:assumed-role/BuyerRole/x/extra',
      },
    ],
  ])('refuses %s (no permissions)', async (_case, session) => {
    const answer = await meAs(session);
    expect(answer.status).toBe(403);
    expect(answer.json.code).toBe('FORBIDDEN');
  });
});
