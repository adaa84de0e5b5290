import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoPetRepository } from '../../src/dynamodb/dynamo-pet-repository';
import type { Pet, PetType } from '../../src/pets/pet';
import type { PetPageRequest, PetRepository } from '../../src/pets/pet-repository';
import { contractSchema } from '../support/contract-schemas';
import { startDynamo, type TestDynamo } from '../support/dynamo';
import { ada, aPet, soldAt } from '../support/pets';

let dynamo: TestDynamo;
let repository: PetRepository;
/** 23 pets of mixed types, created a minute apart, some at the same millisecond. */
const pets: Pet[] = [];
const types: PetType[] = ['dog', 'cat', 'dog', 'fish', 'dog', 'bird'];

beforeAll(async () => {
  dynamo = await startDynamo();
  repository = createDynamoPetRepository({ client: dynamo.client, tableName: dynamo.tableName });
  for (let n = 0; n < 23; n++) {
    // Pets 20 to 22 share one creation time: the id orders them.
    pets.push(aPet({ type: types[n % types.length] ?? 'dog', minute: Math.min(n, 20) }));
  }
  await Promise.all(pets.map((pet) => repository.create(pet)));
  await repository.markSold(pets[4]?.id ?? '', ada, soldAt);
});
afterAll(() => dynamo.stop());

/** Every page of a listing, following the cursors. */
async function allPages(request: Omit<PetPageRequest, 'cursor'>) {
  const pages = [await repository.list(request)];
  for (let cursor = pages.at(-1)?.nextCursor; cursor; cursor = pages.at(-1)?.nextCursor) {
    pages.push(await repository.list({ ...request, cursor }));
  }
  return pages;
}

/** Newest first; pets created at the same time by id, descending. */
function newestFirst(list: Pet[]) {
  return list
    .map((pet) => ({ pet, key: `${pet.createdAt}#${pet.id}` }))
    .sort((a, b) => (a.key < b.key ? 1 : -1))
    .map(({ pet }) => pet.id);
}

describe('list', () => {
  it('pages through every pet, newest first, without duplicates or gaps', async () => {
    // Act
    const pages = await allPages({ limit: 5 });
    // Assess
    expect(pages.map((page) => page.items.length)).toEqual([5, 5, 5, 5, 3]);
    expect(pages.flatMap((page) => page.items.map((pet) => pet.id))).toEqual(newestFirst(pets));
    expect(pages.map((page) => page.nextCursor === undefined)).toEqual([
      false,
      false,
      false,
      false,
      true,
    ]);
  });

  it('pages through the pets of one type only, newest first', async () => {
    // Prepare
    const dogs = pets.filter((pet) => pet.type === 'dog');
    // Act
    const pages = await allPages({ type: 'dog', limit: 4 });
    // Assess
    expect(dogs).toHaveLength(12);
    expect(pages.map((page) => page.items.length)).toEqual([4, 4, 4]);
    expect(pages.flatMap((page) => page.items.map((pet) => pet.id))).toEqual(newestFirst(dogs));
    expect(pages.at(-1)?.nextCursor).toBeUndefined();
  });

  it('gives no cursor on a last page that is exactly full', async () => {
    // Act
    const page = await repository.list({ type: 'fish', limit: 4 });
    // Assess
    expect(page.items).toHaveLength(4);
    expect(page).not.toHaveProperty('nextCursor');
  });

  it('returns an empty page without a cursor for a type nobody sells', async () => {
    // Act
    const page = await repository.list({ type: 'gecko', limit: 20 });
    // Assess
    expect(page).toStrictEqual({ items: [] });
  });

  it('returns pets exactly as the contract describes them, sold ones included', async () => {
    // Act
    const { items } = await repository.list({ limit: 100 });
    // Assess
    const isContractPet = contractSchema('Pet');
    expect(items).toHaveLength(pets.length);
    expect(items.filter((pet) => !isContractPet(pet))).toEqual([]);
    expect(items.find((pet) => pet.id === pets[4]?.id)).toMatchObject({ soldTo: ada, soldAt });
  });

  it('reads one index page of limit + 1 items, whatever the size of the table', async () => {
    // Prepare
    const client = dynamo.newClient();
    const queries: Record<string, unknown>[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        queries.push(args.input as Record<string, unknown>);
        return next(args);
      },
      { step: 'initialize', name: 'recordQueries' },
    );
    const watched = createDynamoPetRepository({ client, tableName: dynamo.tableName });
    // Act
    await watched.list({ type: 'cat', limit: 3 });
    // Assess
    expect(queries).toEqual([
      expect.objectContaining({ IndexName: 'pets-by-type', Limit: 4, ScanIndexForward: false }),
    ]);
  });
});
