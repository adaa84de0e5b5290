import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDynamoPetRepository,
  DuplicatePetIdError,
} from '../../src/dynamodb/dynamo-pet-repository';
import { PetNotFoundError } from '../../src/errors';
import type { PetRepository } from '../../src/pets/pet-repository';
import { contractSchema } from '../support/contract-schemas';
import { startDynamo, type TestDynamo } from '../support/dynamo';
import { ada, aPet, soldAt } from '../support/pets';

let dynamo: TestDynamo;
let repository: PetRepository;
const isContractPet = contractSchema('Pet');

beforeAll(async () => {
  dynamo = await startDynamo();
  repository = createDynamoPetRepository({ client: dynamo.client, tableName: dynamo.tableName });
});
afterAll(() => dynamo.stop());

describe('create and get', () => {
  it('stores a pet that get returns exactly as the contract describes it', async () => {
    // Prepare
    const pet = aPet({ type: 'gecko', price: 19.99 });
    // Act
    await repository.create(pet);
    const found = await repository.get(pet.id);
    // Assess
    expect(found).toStrictEqual(pet);
    expect(isContractPet(found)).toBe(true);
  });

  it('keeps the index attributes in the item and out of the pet', async () => {
    // Prepare
    const pet = aPet({ type: 'cat' });
    await repository.create(pet);
    // Act
    const { Item } = await dynamo.documents.send(
      new GetCommand({ TableName: dynamo.tableName, Key: { id: pet.id } }),
    );
    const found = await repository.get(pet.id);
    // Assess
    expect(Item).toMatchObject({ catalog: 'all', createdAtId: `${pet.createdAt}#${pet.id}` });
    expect(Object.keys(found ?? {}).sort()).toEqual(
      ['createdAt', 'id', 'isSold', 'price', 'type'].sort(),
    );
  });

  it('refuses to overwrite a pet with the same id', async () => {
    // Prepare
    const pet = aPet();
    await repository.create(pet);
    // Act
    const creating = repository.create({ ...pet, price: 1 });
    // Assess
    await expect(creating).rejects.toBeInstanceOf(DuplicatePetIdError);
    expect(await repository.get(pet.id)).toStrictEqual(pet);
  });

  it('returns undefined for a pet that does not exist', async () => {
    // Act
    const found = await repository.get(aPet().id);
    // Assess
    expect(found).toBeUndefined();
  });

  it('accepts a document client as well as a DynamoDB client', async () => {
    // Prepare
    const viaDocuments = createDynamoPetRepository({
      client: dynamo.documents,
      tableName: dynamo.tableName,
    });
    const pet = aPet({ type: 'bird' });
    // Act
    await viaDocuments.create(pet);
    // Assess
    expect(await repository.get(pet.id)).toStrictEqual(pet);
  });
});

describe('delete', () => {
  it('removes the pet', async () => {
    // Prepare
    const pet = aPet();
    await repository.create(pet);
    // Act
    await repository.delete(pet.id);
    // Assess
    expect(await repository.get(pet.id)).toBeUndefined();
  });

  it('throws PetNotFoundError for a pet that does not exist', async () => {
    // Prepare
    const missing = aPet().id;
    // Act
    const deleting = repository.delete(missing);
    // Assess
    await expect(deleting).rejects.toBeInstanceOf(PetNotFoundError);
    await expect(deleting).rejects.toMatchObject({ code: 'PET_NOT_FOUND', petId: missing });
  });

  it('throws PetNotFoundError the second time the same pet is deleted', async () => {
    // Prepare
    const pet = aPet();
    await repository.create(pet);
    await repository.delete(pet.id);
    // Act
    const deleting = repository.delete(pet.id);
    // Assess
    await expect(deleting).rejects.toBeInstanceOf(PetNotFoundError);
  });

  it('removes a sold pet too', async () => {
    // Prepare
    const pet = aPet();
    await repository.create(pet);
    await repository.markSold(pet.id, ada, soldAt);
    // Act
    await repository.delete(pet.id);
    // Assess
    expect(await repository.get(pet.id)).toBeUndefined();
  });
});

describe('faults', () => {
  it('lets infrastructure errors through as they are', async () => {
    // Prepare
    const noTable = createDynamoPetRepository({
      client: dynamo.client,
      tableName: 'no-such-table',
    });
    // Act
    const reading = noTable.get(aPet().id);
    // Assess
    await expect(reading).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
