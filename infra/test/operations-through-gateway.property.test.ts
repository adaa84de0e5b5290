import { operations } from '@petstore/api-contract/operations';
import {
  createDynamoClient,
  createDynamoPetRepository,
  ensureTable,
} from '@petstore/domain/dynamodb';
import { type LocalDynamo, startLocalDynamo } from '@petstore/domain/dynamodb/local';
import type { PetRepository } from '@petstore/domain/pets';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTokenApi, type TokenApi } from './support/token-api';

// Every operation of the contract through the gateway on the template's token API: the real
// authorizer and handler bundles, dynalite behind them. Whatever the caller, path parameters,
// query and body, the answer is never a 5xx nor carries a stack trace, and a refused request
// writes nothing. Fixed seed under CI, random locally; bounded runs.
const seed = process.env.CI ? 20_261_201 : undefined;
// The AWS SDK is pinned (the README's toolchain notes); its Node.js 20 notice is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const runs = 60;
const tableName = 'PetsTable';

let dynamo: LocalDynamo;
let api: TokenApi;
let pets: PetRepository;
let existing: string;

beforeAll(async () => {
  dynamo = await startLocalDynamo({ host: '127.0.0.1', port: 0 });
  const client = createDynamoClient({
    region: 'us-east-1',
    endpoint: dynamo.endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await ensureTable(client, tableName);
  pets = createDynamoPetRepository({ client, tableName });
  existing = '0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a';
  await pets.create({
    id: existing,
    type: 'dog',
    price: 249.99,
    isSold: false,
    createdAt: new Date().toISOString(),
  });
  api = await startTokenApi({
    functionEnvironment: {
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  });
}, 120_000);

afterAll(async () => {
  await api?.close();
  await dynamo?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const token = (permissions: readonly string[], sub: string) =>
  `Bearer ${api.accessToken({ sub, permissions, name: sub, iat: now(), exp: now() + 300 })}`;

const callers = fc.constantFrom(
  () => token(['read:pets', 'create:pets', 'delete:pets'], 'database|ada'),
  () => token(['read:pets', 'purchase:pets'], 'amazon-demo|bea'),
  () => token(['read:pets'], 'petstore-m2m'),
  () => token([], 'database|nobody'),
  () => 'Bearer not.a.token',
  () => '',
);

const awkward = fc.oneof(
  fc.string(),
  fc.constantFrom('', '..', '%2e%2e', 'constructor', '__proto__', '*', '?', ' ', 'é', '%00'),
);
const petIds = fc.oneof(fc.constant('EXISTING'), fc.uuid(), awkward);
const queries = fc.dictionary(
  fc.oneof(fc.constantFrom('type', 'limit', 'cursor'), awkward),
  awkward,
  { maxKeys: 3 },
);
const bodies = fc.oneof(
  fc.constant(undefined),
  fc.record({
    type: fc.oneof(fc.constantFrom('dog', 'cat', 'fish', 'bird', 'gecko'), awkward),
    price: fc.oneof(fc.double(), fc.integer(), fc.constant(19.99)),
  }),
  fc.json(),
  awkward,
);

/** What the table holds, in a stable order (refused requests must leave it as it was). */
async function snapshot(): Promise<string> {
  const page = await pets.list({ limit: 100 });
  return JSON.stringify([...page.items].sort((a, b) => a.id.localeCompare(b.id)));
}

const stackTrace = /\n\s+at |node:internal|\/dist\/|\.mjs:\d+/;

describe('every operation through the gateway (token API, real authorizer and handlers)', () => {
  it('answers no 5xx and no stack trace, and a refused request writes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        callers,
        petIds,
        queries,
        bodies,
        async (operation, caller, petId, query, body) => {
          const id = petId === 'EXISTING' ? existing : encodeURIComponent(petId);
          const path = operation.path.replace('{petId}', id);
          const search = new URLSearchParams(Object.entries(query)).toString();
          const before = await snapshot();
          const authorization = caller();
          const response = await fetch(`${api.gateway.url}${path}${search ? `?${search}` : ''}`, {
            method: operation.method,
            headers: {
              ...(authorization ? { Authorization: authorization } : {}),
              ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            },
            ...(body === undefined || operation.method === 'GET' || operation.method === 'DELETE'
              ? {}
              : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
          });
          const text = await response.text();
          expect(response.status, `${operation.method} ${path}: ${text}`).toBeLessThan(500);
          expect(text).not.toMatch(stackTrace);
          if (response.status >= 400) expect(await snapshot()).toBe(before);
        },
      ),
      { numRuns: runs, ...(seed === undefined ? {} : { seed }), interruptAfterTimeLimit: 90_000 },
    );
  }, 180_000);
});
