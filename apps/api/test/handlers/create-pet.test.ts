import { describe, expect, it } from 'vitest';
import { handler } from '../../src/handlers/create-pet';
import { MAX_BODY_BYTES } from '../../src/http/json-body';
import { sessionOf, users } from '../support/iam-users';
import { invoke } from '../support/invoke';
import { callers } from '../support/proxy-event';
import { testTable } from '../support/table';

const json = { 'Content-Type': 'application/json' };
const post = (body: string | null, headers: Record<string, string> = json) =>
  invoke(handler, { method: 'POST', resource: '/pets', body, headers });

describe('POST /pets', () => {
  it('creates a pet and answers 201 with it and its Location', async () => {
    // Act
    const answer = await post(JSON.stringify({ type: 'dog', price: 249.99 }));

    // Assess
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ type: 'dog', price: 249.99, isSold: false });
    expect(answer.json.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.headers.Location).toBe(`/prod/pets/${answer.json.id}`);
    expect(answer.headers['Content-Type']).toBe('application/json');
    const stored = await testTable().items();
    expect(stored.map((item) => item.id)).toContain(answer.json.id);
  });

  it('reads a base64-encoded body', async () => {
    const answer = await invoke(handler, {
      method: 'POST',
      resource: '/pets',
      body: JSON.stringify({ type: 'gecko', price: 30 }),
      isBase64Encoded: true,
      headers: { 'content-type': 'application/json; charset=utf-8' },
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ type: 'gecko', price: 30 });
  });

  it.each([
    ['bad JSON', '{"type": "dog", ', 400, 'VALIDATION_FAILED', '/body'],
    ['an empty body', '', 400, 'VALIDATION_FAILED', '/body'],
    ['a JSON array', '[]', 400, 'VALIDATION_FAILED', '/body'],
    ['a JSON string', '"dog"', 400, 'VALIDATION_FAILED', '/body'],
    ['null', 'null', 400, 'VALIDATION_FAILED', '/body'],
    ['a missing price', '{"type":"dog"}', 400, 'VALIDATION_FAILED', '/body/price'],
    ['a missing type', '{"price":1}', 400, 'VALIDATION_FAILED', '/body/type'],
    ['an unknown type', '{"type":"dragon","price":1}', 400, 'VALIDATION_FAILED', '/body/type'],
    [
      'a price as a string',
      '{"type":"dog","price":"9.99"}',
      400,
      'VALIDATION_FAILED',
      '/body/price',
    ],
    ['a type as a number', '{"type":7,"price":1}', 400, 'VALIDATION_FAILED', '/body/type'],
    ['a negative price', '{"type":"dog","price":-5}', 400, 'VALIDATION_FAILED', '/body/price'],
    ['a zero price', '{"type":"dog","price":0}', 400, 'VALIDATION_FAILED', '/body/price'],
    ['an absurd price', '{"type":"dog","price":1e300}', 400, 'VALIDATION_FAILED', '/body/price'],
    ['three decimals', '{"type":"dog","price":1.234}', 400, 'VALIDATION_FAILED', '/body/price'],
    [
      'an unknown field',
      '{"type":"dog","price":1,"isSold":true}',
      400,
      'VALIDATION_FAILED',
      '/body/isSold',
    ],
    [
      'a client-chosen id',
      '{"type":"dog","price":1,"id":"x"}',
      400,
      'VALIDATION_FAILED',
      '/body/id',
    ],
  ])('refuses %s with a problem and writes nothing', async (_case, body, status, code, pointer) => {
    // Prepare
    const before = await testTable().items();

    // Act
    const answer = await post(body);

    // Assess
    expect(answer.status).toBe(status);
    expect(answer.headers['Content-Type']).toBe('application/problem+json');
    expect(answer.json).toMatchObject({ status, code, instance: '/pets' });
    expect(answer.json.errors.map((error: { pointer: string }) => error.pointer)).toContain(
      pointer,
    );
    expect(await testTable().items()).toEqual(before);
  });

  it('refuses an oversized body with 413 and writes nothing', async () => {
    const before = await testTable().items();
    const body = JSON.stringify({ type: 'dog', price: 1, padding: 'x'.repeat(MAX_BODY_BYTES) });
    const answer = await post(body);
    expect(answer.status).toBe(413);
    expect(answer.json.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await testTable().items()).toEqual(before);
  });

  it('refuses a body that is not declared as JSON with 415', async () => {
    const answer = await post('{"type":"dog","price":1}', { 'Content-Type': 'text/plain' });
    expect(answer.status).toBe(415);
    expect(answer.json.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a caller without create:pets (defence in depth) and writes nothing', async () => {
    // Prepare
    const before = await testTable().items();

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      resource: '/pets',
      body: '{"type":"dog","price":1}',
      headers: json,
      authorizer: callers.buyer,
    });

    // Assess
    expect(answer.status).toBe(403);
    expect(answer.json).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(await testTable().items()).toEqual(before);
  });

  it("creates a pet for an admin's session on the IAM API", async () => {
    const answer = await invoke(handler, {
      method: 'POST',
      resource: '/pets',
      body: '{"type":"bird","price":12.5}',
      headers: json,
      assumedRole: await sessionOf(users.ada),
    });
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ type: 'bird', price: 12.5 });
  });

  it("refuses a buyer's session on the IAM API with 403 and writes nothing", async () => {
    const before = await testTable().items();
    const answer = await invoke(handler, {
      method: 'POST',
      resource: '/pets',
      body: '{"type":"dog","price":1}',
      headers: json,
      assumedRole: await sessionOf(users.bea),
    });
    expect(answer.status).toBe(403);
    expect(answer.json.code).toBe('FORBIDDEN');
    expect(await testTable().items()).toEqual(before);
  });
});
