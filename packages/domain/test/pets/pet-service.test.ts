import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoPetRepository } from '../../src/dynamodb/dynamo-pet-repository';
import {
  InvalidCursorError,
  PetAlreadySoldError,
  PetNotFoundError,
  ValidationError,
} from '../../src/errors';
import type { Viewer } from '../../src/pets/buyer-visibility';
import { createPetService, type PetService } from '../../src/pets/pet-service';
import { startDynamo, type TestDynamo } from '../support/dynamo';
import { ada } from '../support/pets';

const admin: Viewer = { isAdmin: true };

let dynamo: TestDynamo;
let pets: PetService;
/** The commands the adapter sent, by name. */
const sent: string[] = [];
let clock = Date.UTC(2026, 4, 1);
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

beforeAll(async () => {
  dynamo = await startDynamo();
  const client = dynamo.newClient();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(context.commandName ?? '');
      return next(args);
    },
    { step: 'initialize', name: 'recordCommands' },
  );
  const repository = createDynamoPetRepository({ client, tableName: dynamo.tableName });
  // Each call of the clock is a second later, so pets are created in a known order.
  const now = () => {
    clock += 1000;
    return new Date(clock);
  };
  pets = createPetService({ repository, now });
});
afterAll(() => dynamo.stop());

async function itemCount() {
  const { Count } = await dynamo.documents.send(
    new ScanCommand({ TableName: dynamo.tableName, Select: 'COUNT' }),
  );
  return Count;
}

/** Runs `act`, expecting a ValidationError; returns its issues and whether anything was sent. */
async function validationFailure(act: () => Promise<unknown>) {
  const before = sent.length;
  const error = await act().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return {
    code: (error as ValidationError).code,
    /** Where the issues are, each once (a value can break more than one rule). */
    pointers: [...new Set((error as ValidationError).issues.map((issue) => issue.pointer))],
    commandsSent: sent.slice(before),
  };
}

describe('createPet', () => {
  it('stores a new, unsold pet with a server-made id and creation time', async () => {
    // Act
    const pet = await pets.createPet({ type: 'dog', price: 249.99 });
    // Assess
    expect(pet).toStrictEqual({
      id: expect.stringMatching(uuid),
      type: 'dog',
      price: 249.99,
      isSold: false,
      createdAt: new Date(clock).toISOString(),
    });
    expect(await pets.getPet(pet.id, admin)).toStrictEqual(pet);
  });

  it('stores a price sent with float noise as whole cents', async () => {
    // Act
    const pet = await pets.createPet({ type: 'cat', price: 0.1 + 0.2 });
    // Assess
    expect(pet.price).toBe(0.3);
    expect((await pets.getPet(pet.id, admin)).price).toBe(0.3);
  });

  const badBodies: [string, unknown, string[]][] = [
    ['an unknown type', { type: 'dragon', price: 10 }, ['/body/type']],
    ['a type in capitals', { type: 'DOG', price: 10 }, ['/body/type']],
    ['a negative price', { type: 'dog', price: -5 }, ['/body/price']],
    ['a zero price', { type: 'dog', price: 0 }, ['/body/price']],
    ['an absurd price', { type: 'dog', price: 1e308 }, ['/body/price']],
    ['a price over 100,000', { type: 'dog', price: 100_000.01 }, ['/body/price']],
    ['a price with 3 decimals', { type: 'dog', price: 1.234 }, ['/body/price']],
    ['a price as a string', { type: 'dog', price: '10' }, ['/body/price']],
    ['a NaN price', { type: 'dog', price: Number.NaN }, ['/body/price']],
    ['an infinite price', { type: 'dog', price: Number.POSITIVE_INFINITY }, ['/body/price']],
    ['an unknown field', { type: 'dog', price: 10, color: 'brown' }, ['/body/color']],
    ['a soldTo', { type: 'dog', price: 10, soldTo: ada }, ['/body/soldTo']],
    ['an id', { type: 'dog', price: 10, id: '0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a' }, ['/body/id']],
    ['a field named with / and ~', { type: 'dog', price: 10, 'a/b~c': 1 }, ['/body/a~1b~0c']],
    ['no type', { price: 10 }, ['/body/type']],
    ['no price', { type: 'dog' }, ['/body/price']],
    ['nothing', {}, ['/body/type', '/body/price']],
    ['both fields wrong', { type: 1, price: -1 }, ['/body/type', '/body/price']],
    ['null', null, ['/body']],
    ['an array', [{ type: 'dog', price: 10 }], ['/body']],
    ['a string', '{"type":"dog","price":10}', ['/body']],
  ];

  it.each(badBodies)(
    'rejects %s with VALIDATION_FAILED and writes nothing',
    async (_, body, pointers) => {
      // Prepare
      const countBefore = await itemCount();
      // Act
      const failure = await validationFailure(() => pets.createPet(body));
      // Assess
      expect(failure).toEqual({ code: 'VALIDATION_FAILED', pointers, commandsSent: [] });
      expect(await itemCount()).toBe(countBefore);
    },
  );
});

const malformedIds: [string, unknown][] = [
  ['not a UUID', 'not-a-uuid'],
  ['an upper-case UUID', '0B9E8A3C-4F7E-4D8E-9A57-2F6F8D0C1E2A'],
  ['empty', ''],
  ['a number', 42],
  ['undefined', undefined],
  ['a path', '../0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a'],
];

describe('getPet', () => {
  it('throws PetNotFoundError for an id nobody has', async () => {
    // Act
    const getting = pets.getPet('0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a', admin);
    // Assess
    await expect(getting).rejects.toBeInstanceOf(PetNotFoundError);
  });

  it.each(malformedIds)('rejects an id that is %s without reading', async (_, petId) => {
    // Act
    const failure = await validationFailure(() => pets.getPet(petId, admin));
    // Assess
    expect(failure).toEqual({
      code: 'VALIDATION_FAILED',
      pointers: ['/path/petId'],
      commandsSent: [],
    });
  });
});

describe('deletePet', () => {
  it('removes the pet', async () => {
    // Prepare
    const pet = await pets.createPet({ type: 'fish', price: 3 });
    // Act
    await pets.deletePet(pet.id);
    // Assess
    await expect(pets.getPet(pet.id, admin)).rejects.toBeInstanceOf(PetNotFoundError);
  });

  it('throws PetNotFoundError for an id nobody has', async () => {
    // Act
    const deleting = pets.deletePet('0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a');
    // Assess
    await expect(deleting).rejects.toBeInstanceOf(PetNotFoundError);
  });

  it.each(malformedIds)('rejects an id that is %s and deletes nothing', async (_, petId) => {
    // Prepare
    const countBefore = await itemCount();
    // Act
    const failure = await validationFailure(() => pets.deletePet(petId));
    // Assess
    expect(failure).toEqual({
      code: 'VALIDATION_FAILED',
      pointers: ['/path/petId'],
      commandsSent: [],
    });
    expect(await itemCount()).toBe(countBefore);
  });
});

describe('purchasePet', () => {
  it('sells the pet to the buyer, now', async () => {
    // Prepare
    const pet = await pets.createPet({ type: 'bird', price: 49.5 });
    // Act
    const sold = await pets.purchasePet(pet.id, ada);
    // Assess
    expect(sold).toStrictEqual({
      ...pet,
      isSold: true,
      soldTo: ada,
      soldAt: new Date(clock).toISOString(),
    });
  });

  it('throws PetAlreadySoldError the second time', async () => {
    // Prepare
    const pet = await pets.createPet({ type: 'bird', price: 49.5 });
    await pets.purchasePet(pet.id, ada);
    // Act
    const buyingAgain = pets.purchasePet(pet.id, { subject: 'dev-idp|bob', name: 'Bob' });
    // Assess
    await expect(buyingAgain).rejects.toBeInstanceOf(PetAlreadySoldError);
  });

  it('throws PetNotFoundError (PET_NOT_FOUND) for an id nobody has', async () => {
    // Act
    const buying = pets.purchasePet('0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a', ada);
    // Assess
    await expect(buying).rejects.toMatchObject({ code: 'PET_NOT_FOUND' });
  });

  it.each(malformedIds)('rejects an id that is %s and sells nothing', async (_, petId) => {
    // Act
    const failure = await validationFailure(() => pets.purchasePet(petId, ada));
    // Assess
    expect(failure).toEqual({
      code: 'VALIDATION_FAILED',
      pointers: ['/path/petId'],
      commandsSent: [],
    });
  });
});

describe("the buyer's identity", () => {
  const viewers: [string, Viewer, boolean][] = [
    ['an admin', { isAdmin: true }, true],
    ['the buyer themself', { isAdmin: false, subject: ada.subject }, true],
    ['another buyer', { isAdmin: false, subject: 'amazon-demo|cy' }, false],
    ['a caller tied to no user', { isAdmin: false }, false],
    ['a caller with an empty subject', { isAdmin: false, subject: '' }, false],
  ];

  it.each(viewers)('is shown by getPet and listPets to %s: %s', async (_, viewer, shown) => {
    // Prepare
    const pet = await pets.createPet({ type: 'fish', price: 12 });
    await pets.purchasePet(pet.id, ada);
    // Act
    const got = await pets.getPet(pet.id, viewer);
    const listed = (await pets.listPets({ type: 'fish', limit: '100' }, viewer)).items.find(
      (item) => item.id === pet.id,
    );
    // Assess
    const expected = {
      ...pet,
      isSold: true,
      soldAt: new Date(clock).toISOString(),
      ...(shown ? { soldTo: ada } : {}),
    };
    expect(got).toStrictEqual(expected);
    expect(listed).toStrictEqual(expected);
  });
});

describe('listPets', () => {
  it('pages through the pets of a type, newest first, with the query as API Gateway passes it', async () => {
    // Prepare
    const geckos = [];
    for (const price of [1, 2, 3]) geckos.push(await pets.createPet({ type: 'gecko', price }));
    // Act
    const first = await pets.listPets({ type: 'gecko', limit: '2' }, admin);
    const second = await pets.listPets(
      { type: 'gecko', limit: '2', cursor: first.nextCursor },
      admin,
    );
    // Assess
    expect(first.items.map((pet) => pet.price)).toEqual([3, 2]);
    expect(second).toStrictEqual({ items: [geckos[0]] });
  });

  it('lists 20 pets when no query is given', async () => {
    // Prepare
    for (let n = 0; n < 21; n++) await pets.createPet({ type: 'cat', price: 5 });
    // Act
    const page = await pets.listPets(undefined, admin);
    // Assess
    expect(page.items).toHaveLength(20);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it.each([
    [{ limit: '0' }, ['/query/limit']],
    [{ limit: '101' }, ['/query/limit']],
    [{ limit: 'ten' }, ['/query/limit']],
    [{ type: 'dragon' }, ['/query/type']],
    [{ cursor: '' }, ['/query/cursor']],
    [{ cursor: 'x'.repeat(1025) }, ['/query/cursor']],
  ])('rejects the query %j with VALIDATION_FAILED at %j', async (query, pointers) => {
    // Act
    const failure = await validationFailure(() => pets.listPets(query, admin));
    // Assess
    expect(failure).toEqual({ code: 'VALIDATION_FAILED', pointers, commandsSent: [] });
  });

  it('rejects a forged cursor with INVALID_CURSOR, without querying', async () => {
    // Prepare
    const before = sent.length;
    // Act
    const listing = pets.listPets({ cursor: 'Zm9yZ2Vk' }, admin);
    // Assess
    await expect(listing).rejects.toBeInstanceOf(InvalidCursorError);
    expect(sent.slice(before)).toEqual([]);
  });
});
