import { describe, expect, it } from 'vitest';
import { handler } from '../../src/handlers/get-me';
import { invoke } from '../support/invoke';
import { callers } from '../support/proxy-event';

const me = (authorizer: Record<string, string>) =>
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
    const answer = await me({ ...callers.admin, permissions: 'read:pets admin:everything' });
    expect(answer.json.permissions).toEqual(['read:pets']);
  });

  it('refuses a caller without read:pets', async () => {
    const answer = await me({ principalId: 'x', permissions: '' });
    expect(answer.status).toBe(403);
  });
});
