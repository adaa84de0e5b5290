import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../src/handlers/list-pets';
import { sessionOf, users } from '../support/iam-users';
import { invoke } from '../support/invoke';
import { callers, type TokenIdentity } from '../support/proxy-event';
import { seedPet } from '../support/seed';

const list = (query: Record<string, string> = {}, authorizer: TokenIdentity = callers.buyer) =>
  invoke(handler, { method: 'GET', resource: '/pets', query, authorizer });

describe('GET /pets', () => {
  beforeAll(async () => {
    for (const type of ['dog', 'cat', 'dog', 'fish', 'dog']) await seedPet(type, 10);
  });

  it('pages through every pet, newest first, with an opaque cursor', async () => {
    // Act
    const first = await list({ limit: '2' });
    const second = await list({ limit: '2', cursor: first.json.nextCursor });
    const third = await list({ limit: '2', cursor: second.json.nextCursor });

    // Assess
    const pages = [first, second, third];
    expect(pages.map((page) => page.status)).toEqual([200, 200, 200]);
    const items = pages.flatMap((page) => page.json.items);
    expect(items).toHaveLength(5);
    expect(new Set(items.map((pet) => pet.id)).size).toBe(5);
    const created = items.map((pet) => pet.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    expect(third.json.nextCursor).toBeUndefined();
  });

  it('filters by type', async () => {
    const answer = await list({ type: 'dog' });
    expect(answer.json.items.map((pet: { type: string }) => pet.type)).toEqual([
      'dog',
      'dog',
      'dog',
    ]);
  });

  it.each([
    [{ type: 'dragon' }, '/query/type'],
    [{ limit: '0' }, '/query/limit'],
    [{ limit: '101' }, '/query/limit'],
    [{ limit: 'ten' }, '/query/limit'],
  ])('refuses %o with 400 pointing at %s', async (query, pointer) => {
    const answer = await list(query);
    expect(answer.status).toBe(400);
    expect(answer.json.errors[0].pointer).toBe(pointer);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['base64 of something else', Buffer.from('{"id":1}').toString('base64url')],
  ])('refuses a forged cursor (%s) with 400 INVALID_CURSOR, not a 500', async (_case, cursor) => {
    const answer = await list({ cursor });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe('INVALID_CURSOR');
  });

  it('refuses a cursor of another listing', async () => {
    const dogs = await list({ type: 'dog', limit: '1' });
    const answer = await list({ type: 'cat', cursor: dogs.json.nextCursor });
    expect(answer.status).toBe(400);
    expect(answer.json.code).toBe('INVALID_CURSOR');
  });

  it('is allowed to a machine client with read:pets', async () => {
    expect((await list({}, callers.machine)).status).toBe(200);
  });

  it.each([
    ['buyer', users.bea],
    ['admin', users.ada],
  ])("is allowed to an IAM caller with the %s role's session", async (_role, user) => {
    const answer = await invoke(handler, {
      method: 'GET',
      resource: '/pets',
      query: { type: 'dog' },
      assumedRole: await sessionOf(user),
    });
    expect(answer.status).toBe(200);
    expect(answer.json.items).toHaveLength(3);
  });

  it('refuses an IAM caller whose role is not one of ours', async () => {
    const answer = await invoke(handler, {
      method: 'GET',
      resource: '/pets',
      assumedRole: { roleName: 'SomeOtherRole', sessionName: 'bea' },
    });
    expect(answer.status).toBe(403);
  });
});
