import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoPetRepository } from '../../src/dynamodb/dynamo-pet-repository';
import { decodeCursor, encodeCursor } from '../../src/dynamodb/page-cursor';
import { InvalidCursorError } from '../../src/errors';
import type { PetRepository } from '../../src/pets/pet-repository';
import { startDynamo, type TestDynamo } from '../support/dynamo';
import { aPet } from '../support/pets';

const id = '0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a';
const createdAtId = `2026-01-01T00:00:00.000Z#${id}`;
const dogKey = { id, type: 'dog', createdAtId };
const allKey = { id, catalog: 'all', createdAtId };
const encode = (payload: unknown) => Buffer.from(JSON.stringify(payload)).toString('base64url');

describe('page cursors', () => {
  it('round-trip the key of the listing they were made for', () => {
    // Act
    const dog = decodeCursor('dog', encodeCursor('dog', dogKey));
    const all = decodeCursor('all', encodeCursor('all', allKey));
    // Assess
    expect(dog).toStrictEqual(dogKey);
    expect(all).toStrictEqual(allKey);
  });

  it('are opaque base64url text', () => {
    // Act
    const cursor = encodeCursor('dog', dogKey);
    // Assess
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  const invalid: [string, 'all' | 'dog', string][] = [
    ['of another type', 'dog', encodeCursor('cat', { ...dogKey, type: 'cat' })],
    ['of one type, used for all pets', 'all', encodeCursor('dog', dogKey)],
    ['of all pets, used for one type', 'dog', encodeCursor('all', allKey)],
    ['whose listing and key disagree', 'dog', encode({ v: 1, listing: 'dog', key: allKey })],
    ['with characters outside base64url', 'dog', `${encodeCursor('dog', dogKey)}=`],
    ['in plain base64', 'dog', Buffer.from(JSON.stringify(dogKey)).toString('base64')],
    ['with stray trailing bits', 'dog', `${encodeCursor('dog', dogKey).slice(0, -1)}_`],
    ['that is not base64 at all', 'dog', '%%%'],
    ['that is not JSON', 'dog', Buffer.from('not json').toString('base64url')],
    ['that is JSON null', 'dog', encode(null)],
    ['that is a JSON array', 'dog', encode([dogKey])],
    ['of another version', 'dog', encode({ v: 2, listing: 'dog', key: dogKey })],
    ['without a key', 'dog', encode({ v: 1, listing: 'dog' })],
    ['with a key missing the id', 'dog', encodeCursor('dog', { type: 'dog', createdAtId })],
    ['with an extra key attribute', 'dog', encodeCursor('dog', { ...dogKey, isSold: 'false' })],
    ['with an extra field', 'dog', encode({ v: 1, listing: 'dog', key: dogKey, limit: 9 })],
    ['with an id that is no pet id', 'dog', encodeCursor('dog', { ...dogKey, id: 'x' })],
    ['with a sort key of another id', 'dog', encodeCursor('dog', { ...dogKey, id: aPet().id })],
    ['with a malformed sort key', 'dog', encodeCursor('dog', { ...dogKey, createdAtId: id })],
    [
      'with an attribute value of a DynamoDB type',
      'dog',
      encodeCursor('dog', { ...dogKey, type: { S: 'dog' } } as never),
    ],
    ['with another catalog', 'all', encodeCursor('all', { ...allKey, catalog: 'sold' })],
    ['that is empty once decoded', 'dog', ''],
  ];

  it.each(invalid)('%s throw InvalidCursorError', (_, listing, cursor) => {
    // Act
    const decoding = () => decodeCursor(listing, cursor);
    // Assess
    expect(decoding).toThrow(InvalidCursorError);
  });
});

describe('list with a cursor it did not issue', () => {
  let dynamo: TestDynamo;
  let repository: PetRepository;

  beforeAll(async () => {
    dynamo = await startDynamo();
    repository = createDynamoPetRepository({ client: dynamo.client, tableName: dynamo.tableName });
    for (const minute of [1, 2, 3]) await repository.create(aPet({ type: 'dog', minute }));
    for (const minute of [4, 5]) await repository.create(aPet({ type: 'cat', minute }));
  });
  afterAll(() => dynamo.stop());

  it('rejects the cursor of another type with INVALID_CURSOR', async () => {
    // Prepare
    const { nextCursor } = await repository.list({ type: 'dog', limit: 1 });
    // Act
    const listing = repository.list({ type: 'cat', limit: 1, cursor: nextCursor });
    // Assess
    expect(nextCursor).toBeDefined();
    await expect(listing).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(listing).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('rejects the cursor of one type when listing all pets, and the other way round', async () => {
    // Prepare
    const dogs = await repository.list({ type: 'dog', limit: 1 });
    const all = await repository.list({ limit: 1 });
    // Act
    const allWithDogCursor = repository.list({ limit: 1, cursor: dogs.nextCursor });
    const dogsWithAllCursor = repository.list({ type: 'dog', limit: 1, cursor: all.nextCursor });
    // Assess
    await expect(allWithDogCursor).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(dogsWithAllCursor).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it.each(brokenCursors())('rejects a cursor %s', async (_, cursor) => {
    // Act
    const listing = repository.list({ type: 'dog', limit: 1, cursor });
    // Assess
    await expect(listing).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('resumes after a well-formed position a caller made up, as a listing from there', async () => {
    // Prepare: a position between the dogs of minutes 1 and 2
    const position = `2026-01-01T00:01:30.000Z#${id}`;
    const cursor = encodeCursor('dog', { id, type: 'dog', createdAtId: position });
    // Act
    const page = await repository.list({ type: 'dog', limit: 5, cursor });
    // Assess
    expect(page.items.map((pet) => pet.createdAt)).toEqual(['2026-01-01T00:01:00.000Z']);
  });
});

function brokenCursors(): [string, string][] {
  return [
    ['that is corrupted', `${encodeCursor('dog', dogKey).slice(0, 10)}!`],
    ['that is not JSON', Buffer.from('{"v":1,').toString('base64url')],
    ['of the wrong shape', encodeCursor('dog', { id })],
  ];
}
