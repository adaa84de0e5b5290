import { permissionValues, petTypeValues } from '@petstore/api-contract/types';
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import type { ProxyHandler } from '../../src/define-handler';
import { handler as createPet } from '../../src/handlers/create-pet';
import { handler as deletePet } from '../../src/handlers/delete-pet';
import { handler as getMe } from '../../src/handlers/get-me';
import { handler as getPet } from '../../src/handlers/get-pet';
import { handler as listPets } from '../../src/handlers/list-pets';
import { handler as purchasePet } from '../../src/handlers/purchase-pet';
import { sessionOf, users } from '../support/iam-users';
import { signIdToken } from '../support/id-token-issuer';
import { invoke } from '../support/invoke';
import { propertyRuns } from '../support/property-runs';
import { callers, type EventOptions, roleNames } from '../support/proxy-event';
import { seedPet } from '../support/seed';
import { testTable } from '../support/table';

const table = testTable();
const issuer = inject('idTokenIssuer');

// Pets that exist (and one sold), so arbitrary requests also reach real items.
const existing = [await seedPet('dog', 10), await seedPet('cat', 20), await seedPet('bird', 30)];
const soldOne = await seedPet('fish', 40);
await invoke(purchasePet, {
  method: 'POST',
  resource: '/pets/{petId}/purchase',
  pathParameters: { petId: soldOne.id },
  authorizer: callers.buyer,
});

const sessions = await Promise.all([
  sessionOf(users.ada),
  sessionOf(users.bea),
  sessionOf(users.cy),
]);
const idTokens = await Promise.all([
  signIdToken(issuer, users.bea),
  signIdToken(issuer, users.ada),
]);

/** Anything a string can be, weighted towards the awkward. */
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', ' ', 'null', '{}', '[]', '%00', '../../etc', 'constructor', 'toString'),
);

/** Names of query parameters and headers: any text, `constructor` and `__proto__` included. */
const name = fc.oneof(text, fc.constantFrom('__proto__', 'constructor', 'hasOwnProperty'));

const callerOf: fc.Arbitrary<Pick<EventOptions, 'authorizer' | 'assumedRole'>> = fc.oneof(
  fc.constantFrom(...Object.values(callers)).map((authorizer) => ({ authorizer })),
  fc
    .record({
      sub: text,
      name: text,
      permissions: fc.subarray([...permissionValues, 'admin:everything']),
      tokenType: fc.constantFrom('user' as const, 'machine' as const),
    })
    .map((authorizer) => ({ authorizer })),
  fc.constant({ authorizer: null }),
  fc.constantFrom(...sessions).map((assumedRole) => ({ assumedRole })),
  fc
    .record({
      roleName: fc.constantFrom(roleNames.admin, roleNames.buyer, 'SomeOtherRole'),
      sessionName: fc.stringMatching(/^[\w+=,.@-]{2,64}$/),
      accountId: fc.constantFrom('123456789012', '999999999999'),
    })
    .map((assumedRole) => ({ assumedRole })),
);

const petId = fc.oneof(
  fc.uuid(),
  text,
  fc.constantFrom(...existing.map((pet) => pet.id), soldOne.id),
  fc.constantFrom(...existing.map((pet) => pet.id.toUpperCase())),
);

const body: fc.Arbitrary<Pick<EventOptions, 'body' | 'bodyBytes'>> = fc.oneof(
  fc.constant({ body: null }),
  text.map((value) => ({ body: value })),
  fc.json().map((value) => ({ body: value })),
  fc
    .record(
      {
        type: fc.oneof(fc.constantFrom(...petTypeValues), text),
        price: fc.oneof(fc.double(), fc.integer(), fc.constantFrom(0.01, 100_000, 1e21), text),
        id: fc.uuid(),
        soldTo: fc.record({ subject: text, name: text }),
        isSold: fc.boolean(),
      },
      { requiredKeys: [] },
    )
    .map((value) => ({ body: JSON.stringify(value) })),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => ({ bodyBytes: Buffer.from(bytes) })),
  fc.constant({ body: 'x'.repeat(17 * 1024) }),
);

const headers = fc.record(
  {
    'Content-Type': fc.oneof(
      fc.constantFrom('application/json', 'APPLICATION/JSON; charset=utf-8', 'text/plain'),
      text,
    ),
    'X-Id-Token': fc.oneof(fc.constantFrom(...idTokens), text),
    Origin: fc.oneof(fc.constantFrom('https://app.example.com', 'https://evil.example'), text),
  },
  { requiredKeys: [] },
);

const query = fc.dictionary(
  fc.oneof(fc.constantFrom('type', 'limit', 'cursor'), name),
  fc.oneof(
    text,
    fc.constantFrom(...petTypeValues),
    fc.integer({ min: -5, max: 200 }).map(String),
    fc.base64String(),
  ),
  { maxKeys: 4 },
);

/** A stack trace, a source path, or an error's name, which no answer may show. */
const leak =
  /\n\s+at |at .+:\d+:\d+|node_modules|file:\/\/|\/src\/|TypeError|ReferenceError|ZodError/;

async function expectSafe(handler: ProxyHandler, options: EventOptions) {
  const before = await table.items();
  const answer = await invoke(handler, options);
  expect(answer.status, answer.raw.body).toBeLessThan(500);
  expect(answer.raw.body).not.toMatch(leak);
  if (answer.status >= 400) {
    expect(answer.headers['Content-Type']).toBe('application/problem+json');
    expect(answer.json).toMatchObject({ status: answer.status, code: expect.any(String) });
  }
  // A read never writes; a refused request writes nothing.
  if (answer.status >= 400 || options.method === 'GET') {
    expect(await table.items()).toEqual(before);
  }
}

describe('every operation, with arbitrary callers, bodies, path parameters and queries', () => {
  it('listPets: no 5xx, no stack trace, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(callerOf, query, headers, async (caller, q, h) => {
        await expectSafe(listPets, {
          method: 'GET',
          resource: '/pets',
          query: q,
          headers: h,
          ...caller,
        });
      }),
      propertyRuns(),
    );
  });

  it('getPet: no 5xx, no stack trace, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(callerOf, petId, query, async (caller, id, q) => {
        await expectSafe(getPet, {
          method: 'GET',
          resource: '/pets/{petId}',
          pathParameters: { petId: id },
          query: q,
          ...caller,
        });
      }),
      propertyRuns(),
    );
  });

  it('createPet: no 5xx, no stack trace, nothing written when refused', async () => {
    await fc.assert(
      fc.asyncProperty(callerOf, body, headers, query, async (caller, b, h, q) => {
        await expectSafe(createPet, {
          method: 'POST',
          resource: '/pets',
          headers: h,
          query: q,
          ...b,
          ...caller,
        });
      }),
      propertyRuns(),
    );
  });

  it('deletePet: no 5xx, no stack trace, nothing written when refused', async () => {
    await fc.assert(
      fc.asyncProperty(callerOf, petId, body, headers, async (caller, id, b, h) => {
        await expectSafe(deletePet, {
          method: 'DELETE',
          resource: '/pets/{petId}',
          pathParameters: { petId: id },
          headers: h,
          ...b,
          ...caller,
        });
      }),
      propertyRuns(),
    );
  });

  it('purchasePet: no 5xx, no stack trace, nothing written when refused', async () => {
    await fc.assert(
      fc.asyncProperty(callerOf, petId, body, headers, async (caller, id, b, h) => {
        await expectSafe(purchasePet, {
          method: 'POST',
          resource: '/pets/{petId}/purchase',
          pathParameters: { petId: id },
          headers: h,
          ...b,
          ...caller,
        });
      }),
      propertyRuns(),
    );
  });

  it('getMe: no 5xx, no stack trace, nothing written', async () => {
    await fc.assert(
      fc.asyncProperty(callerOf, query, headers, async (caller, q, h) => {
        await expectSafe(getMe, {
          method: 'GET',
          resource: '/me',
          query: q,
          headers: h,
          ...caller,
        });
      }),
      propertyRuns(),
    );
  });
});
