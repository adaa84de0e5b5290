// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CannedReply, ContractDriftError, replyDrift } from './contract-replies';
import { aPet, people } from './signed-in-app';
import { startTestServer, type TestServer } from './test-server';

const petId = '0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a';
const problem = (status: number, code: string): CannedReply => ({
  status,
  body: { type: 'about:blank', title: 'Problem', status, code },
  contentType: 'application/problem+json',
});

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close().catch(() => undefined));

describe("the test server refuses a canned reply the API's contract does not allow", () => {
  it.each<[string, string, CannedReply, RegExp]>([
    [
      'a pet without a required property',
      `GET /pets/${petId}`,
      { status: 200, body: { id: petId, type: 'cat', price: 10, isSold: false } },
      /must have required property 'createdAt'/,
    ],
    [
      'a property the schema does not have',
      'GET /me',
      { status: 200, body: { ...people.buyer, role: 'buyer' } },
      /: \/ must NOT have additional properties \{"additionalProperty":"role"\}/,
    ],
    [
      'a price with three decimals',
      'POST /pets',
      { status: 201, body: aPet({ price: 12.345 }) },
      /\/price must be multiple of 0.01/,
    ],
    [
      'a pet type outside the enum',
      'GET /pets?limit=12',
      { status: 200, body: { items: [{ ...aPet(), type: 'dragon' }] } },
      /\/items\/0\/type must be equal to one of the allowed values/,
    ],
    [
      'a status the operation does not document',
      'GET /pets?limit=12',
      { status: 418, body: { message: "I'm a teapot" } },
      /listPets does not answer 418/,
    ],
    [
      'a problem with an unknown code',
      `POST /pets/${petId}/purchase`,
      problem(409, 'SOLD_OUT'),
      /\/code must be equal to one of the allowed values/,
    ],
    [
      'a problem sent as plain JSON',
      `POST /pets/${petId}/purchase`,
      { ...problem(409, 'PET_ALREADY_SOLD'), contentType: 'application/json' },
      /is not sent as application\/json/,
    ],
    [
      'a body on a 204',
      `DELETE /pets/${petId}`,
      { status: 204, body: { ok: true } },
      /deletePet 204 has no body/,
    ],
    [
      'an operation the contract does not have',
      'PUT /pets',
      { status: 200, body: {} },
      /no operation PUT \/pets/,
    ],
    [
      'an id that is not a UUID',
      `GET /pets/${petId}`,
      { status: 200, body: { ...aPet(), id: 'pet-1' } },
      /\/id must match/,
    ],
  ])('refuses %s', (_name, route, reply, problemSeen) => {
    // Act / Assess
    expect(() => server.reply(route, reply)).toThrow(ContractDriftError);
    expect(() => server.reply(route, reply)).toThrow(problemSeen);
  });

  it('answers a computed reply that drifts with a 500, and its close rejects with the drift', async () => {
    // Prepare
    server.reply('GET /me', () => ({ status: 200, body: { subject: 's', name: 'Ada' } }));

    // Act
    const response = await fetch(`${server.url}/me`);

    // Assess
    expect(response.status).toBe(500);
    await expect(server.close()).rejects.toThrow(/must have required property 'permissions'/);
  });
});

describe('the test server takes canned replies the API could send', () => {
  it.each<[string, string, CannedReply]>([
    [
      'a page of pets, with a cursor',
      'GET /pets?limit=12',
      { status: 200, body: { items: [aPet()], nextCursor: 'c' } },
    ],
    ['a created pet', 'POST /pets', { status: 201, body: aPet({ price: 19.99 }) }],
    [
      'a sold pet',
      `POST /pets/${petId}/purchase`,
      {
        status: 200,
        body: aPet({
          isSold: true,
          soldTo: { subject: 's', name: 'Bea' },
          soldAt: '2026-11-21T10:00:00Z',
        }),
      },
    ],
    ['the caller', 'GET /me', { status: 200, body: people.admin }],
    ['a removal', `DELETE /pets/${petId}`, { status: 204 }],
    [
      'a validation problem with its field errors',
      'POST /pets',
      {
        status: 400,
        body: {
          type: 'about:blank',
          title: 'Invalid',
          status: 400,
          code: 'VALIDATION_FAILED',
          errors: [{ pointer: '/body/price', message: 'Too many decimals.' }],
        },
        contentType: 'application/problem+json',
      },
    ],
    ["the gateway's own 401", 'GET /me', { status: 401, body: { message: 'Unauthorized' } }],
    [
      "the gateway's own 403 (a policy's deny)",
      `DELETE /pets/${petId}`,
      { status: 403, body: { Message: 'User is not authorized to access this resource' } },
    ],
  ])('takes %s', (_name, route, reply) => {
    // Act / Assess
    expect(replyDrift(route, reply)).toEqual([]);
    expect(() => server.reply(route, reply)).not.toThrow();
  });
});
