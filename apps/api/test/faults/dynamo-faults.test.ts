import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pet } from '@petstore/api-contract/types';
import { dynamoCallBoundMs, dynamoCallLimits } from '@petstore/domain/dynamodb';
import { type LocalDynamo, startLocalDynamo } from '@petstore/domain/dynamodb/local';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProxyHandler } from '../../src/define-handler';
import { capturedLogs } from '../support/captured-logs';
import { type Answer, invoke } from '../support/invoke';
import type { EventOptions } from '../support/proxy-event';
import { callers } from '../support/proxy-event';
import { startSlowProxy } from '../support/slow-proxy';
import { testTable } from '../support/table';

// A dynalite of this file's own, on disk so that it can be stopped and started again with its
// data, behind a proxy that can hold requests. The handlers are imported only once
// DYNAMODB_ENDPOINT points at the proxy: they read it at cold start, which happens once here.
const dataDir = await mkdtemp(join(tmpdir(), 'pets-faults-'));
let dynamo: LocalDynamo = await startLocalDynamo({ path: dataDir });
const { port } = dynamo;
const proxy = await startSlowProxy(port);
process.env.DYNAMODB_ENDPOINT = proxy.endpoint;
const table = testTable(dynamo.endpoint);
await table.create();

const handlers = {
  listPets: (await import('../../src/handlers/list-pets')).handler,
  getPet: (await import('../../src/handlers/get-pet')).handler,
  createPet: (await import('../../src/handlers/create-pet')).handler,
  deletePet: (await import('../../src/handlers/delete-pet')).handler,
  purchasePet: (await import('../../src/handlers/purchase-pet')).handler,
};

afterAll(async () => {
  await proxy.close();
  await dynamo.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function seedPet(): Promise<Pet> {
  const answer = await invoke(handlers.createPet, {
    method: 'POST',
    resource: '/pets',
    body: JSON.stringify({ type: 'dog', price: 10 }),
    headers: { 'Content-Type': 'application/json' },
  });
  expect(answer.status).toBe(201);
  return answer.json;
}

/** One call of every operation that uses the table, on `pet`. */
function everyOperation(pet: Pet): [string, ProxyHandler, EventOptions][] {
  const petId = { petId: pet.id };
  return [
    ['listPets', handlers.listPets, { method: 'GET', resource: '/pets' }],
    [
      'getPet',
      handlers.getPet,
      { method: 'GET', resource: '/pets/{petId}', pathParameters: petId },
    ],
    [
      'createPet',
      handlers.createPet,
      {
        method: 'POST',
        resource: '/pets',
        body: JSON.stringify({ type: 'cat', price: 20 }),
        headers: { 'Content-Type': 'application/json' },
      },
    ],
    [
      'deletePet',
      handlers.deletePet,
      { method: 'DELETE', resource: '/pets/{petId}', pathParameters: petId },
    ],
    [
      'purchasePet',
      handlers.purchasePet,
      {
        method: 'POST',
        resource: '/pets/{petId}/purchase',
        pathParameters: petId,
        authorizer: callers.buyer,
        // The SPA's origin: it must be able to read Retry-After.
        headers: { Origin: 'https://app.example.com' },
      },
    ],
  ];
}

async function timed(handler: ProxyHandler, options: EventOptions) {
  const started = performance.now();
  const answer = await invoke(handler, options);
  return { answer, ms: performance.now() - started };
}

function expectUnavailable(answer: Answer) {
  expect(answer.status).toBe(503);
  expect(answer.headers['Content-Type']).toBe('application/problem+json');
  expect(answer.headers['Retry-After']).toBe('2');
  expect(answer.json).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
  expect(answer.raw.body).not.toMatch(/ECONNREFUSED|Timeout|at .+\(|node_modules|127\.0\.0\.1/);
}

/** Margin for a busy 2-core machine on top of the client's own bound. */
const slack = 1_500;

describe('DynamoDB stopped', () => {
  it('answers 503 SERVICE_UNAVAILABLE with Retry-After within the bound, writes nothing, and recovers when it is back', async () => {
    // Prepare
    const pet = await seedPet();
    const before = await table.items();
    await dynamo.close();

    // Act
    let answers: { answer: Answer; ms: number }[] = [];
    const log = await capturedLogs(async () => {
      answers = await Promise.all(
        everyOperation(pet).map(([, handler, options]) => timed(handler, options)),
      );
    });
    dynamo = await startLocalDynamo({ port, path: dataDir });
    const after = await table.items();
    const next = await invoke(handlers.getPet, {
      method: 'GET',
      resource: '/pets/{petId}',
      pathParameters: { petId: pet.id },
    });

    // Assess
    for (const { answer, ms } of answers) {
      expectUnavailable(answer);
      expect(ms).toBeLessThan(dynamoCallBoundMs + slack);
    }
    // The purchase came from the SPA's origin, which may read when to try again.
    expect(answers.at(-1)?.answer.headers).toMatchObject({
      'Access-Control-Allow-Origin': 'https://app.example.com',
      'Access-Control-Expose-Headers': 'Location, Retry-After',
    });
    // A fault of ours, logged as one, with what the SDK said; the caller was told none of it.
    const lines = log
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const unavailable = lines.filter((line) => line.message === 'unavailable');
    expect(unavailable).toHaveLength(5);
    for (const line of unavailable) {
      expect(line).toMatchObject({
        level: 'ERROR',
        // Through the proxy a stopped table is a connection closed at once.
        error: { message: expect.stringMatching(/ECONNREFUSED|ECONNRESET|socket hang up/) },
      });
    }
    expect(after).toEqual(before);
    expect(next.status).toBe(200);
    expect(next.json).toEqual(pet);
  });
});

describe('DynamoDB too slow to answer', () => {
  it('answers 503 SERVICE_UNAVAILABLE after the time limit, within the bound, writes nothing, and recovers when it answers again', async () => {
    // Prepare
    const pet = await seedPet();
    const before = await table.items();
    proxy.hold();

    // Act
    const answers = await Promise.all(
      everyOperation(pet).map(([, handler, options]) => timed(handler, options)),
    );
    proxy.pass();
    const after = await table.items();
    const next = await invoke(handlers.purchasePet, {
      method: 'POST',
      resource: '/pets/{petId}/purchase',
      pathParameters: { petId: pet.id },
      authorizer: callers.buyer,
    });

    // Assess
    for (const { answer, ms } of answers) {
      expectUnavailable(answer);
      expect(ms).toBeGreaterThanOrEqual(dynamoCallLimits.requestTimeoutMs);
      expect(ms).toBeLessThan(dynamoCallBoundMs + slack);
    }
    expect(after).toEqual(before);
    expect(next.status).toBe(200);
    expect(next.json).toMatchObject({ id: pet.id, isSold: true });
  });
});

describe('DynamoDB answering too late, after doing the work', () => {
  it("answers the purchase 503 within the bound; the write that reached the table is whole, and the buyer's retry gets their pet", async () => {
    // Prepare
    const pet = await seedPet();
    proxy.holdAnswers();

    // Act
    const { answer, ms } = await timed(handlers.purchasePet, {
      method: 'POST',
      resource: '/pets/{petId}/purchase',
      pathParameters: { petId: pet.id },
      authorizer: callers.buyer,
    });
    proxy.pass();
    const stored = (await table.items()).find((item) => item.id === pet.id);
    // The buyer does as Retry-After says.
    const retried = await invoke(handlers.purchasePet, {
      method: 'POST',
      resource: '/pets/{petId}/purchase',
      pathParameters: { petId: pet.id },
      authorizer: callers.buyer,
    });

    // Assess
    expectUnavailable(answer);
    expect(ms).toBeLessThan(dynamoCallBoundMs + slack);
    // The write reached the table: all of it was applied, attributes and indexes alike.
    expect(stored).toMatchObject({
      isSold: true,
      soldTo: { subject: callers.buyer.sub, name: callers.buyer.name },
      soldAt: expect.any(String),
      createdAt: pet.createdAt,
      price: pet.price,
    });
    // Their retry is answered with their pet, as first sold, not 409.
    expect(retried.status).toBe(200);
    expect(retried.json).toEqual({
      ...pet,
      isSold: true,
      soldTo: stored?.soldTo,
      soldAt: stored?.soldAt,
    });
  });
});
