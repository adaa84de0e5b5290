import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoPetRepository } from '../../src/dynamodb/dynamo-pet-repository';
import { PetAlreadySoldError, PetNotFoundError } from '../../src/errors';
import type { PetRepository } from '../../src/pets/pet-repository';
import { contractSchema } from '../support/contract-schemas';
import { startDynamo, type TestDynamo } from '../support/dynamo';
import { ada, aPet, soldAt } from '../support/pets';

let dynamo: TestDynamo;
let repository: PetRepository;

beforeAll(async () => {
  dynamo = await startDynamo();
  repository = createDynamoPetRepository({ client: dynamo.client, tableName: dynamo.tableName });
});
afterAll(() => dynamo.stop());

describe('markSold', () => {
  it("answers its own buyer's repeated purchase with the pet as first sold, writing nothing (dynalite: by a consistent read)", async () => {
    // Prepare
    const pet = aPet();
    await repository.create(pet);
    const first = await repository.markSold(pet.id, ada, soldAt);
    // Act
    const again = await repository.markSold(pet.id, ada, '2026-03-01T00:00:00.000Z');
    // Assess
    expect(again).toStrictEqual(first);
    expect(await repository.get(pet.id)).toStrictEqual(first);
  });

  it('records the buyer and the time, and returns the sold pet', async () => {
    // Prepare
    const pet = aPet({ type: 'fish', price: 0.07 });
    await repository.create(pet);
    // Act
    const sold = await repository.markSold(pet.id, ada, soldAt);
    // Assess
    const expected = { ...pet, isSold: true, soldTo: ada, soldAt };
    expect(sold).toStrictEqual(expected);
    expect(await repository.get(pet.id)).toStrictEqual(expected);
    expect(contractSchema('Pet')(sold)).toBe(true);
  });

  it('records only the subject and the name of the buyer', async () => {
    // Prepare
    const pet = aPet();
    await repository.create(pet);
    const buyer = { ...ada, role: 'admin', permissions: ['create:pets'] };
    // Act
    const sold = await repository.markSold(pet.id, buyer, soldAt);
    // Assess
    expect(sold.soldTo).toStrictEqual(ada);
  });

  it('throws PetNotFoundError (PET_NOT_FOUND) for a pet that does not exist, and writes nothing', async () => {
    // Prepare
    const missing = aPet().id;
    // Act
    const buying = repository.markSold(missing, ada, soldAt);
    // Assess
    await expect(buying).rejects.toBeInstanceOf(PetNotFoundError);
    await expect(buying).rejects.toMatchObject({ code: 'PET_NOT_FOUND', petId: missing });
    expect(await repository.get(missing)).toBeUndefined();
  });

  it('throws PetAlreadySoldError (PET_ALREADY_SOLD) for a sold pet and keeps the first buyer', async () => {
    // Prepare
    const pet = aPet();
    await repository.create(pet);
    await repository.markSold(pet.id, ada, soldAt);
    const grace = { subject: 'dev-idp|grace', name: 'Grace Hopper' };
    // Act
    const buyingAgain = repository.markSold(pet.id, grace, '2026-03-01T00:00:00.000Z');
    // Assess
    await expect(buyingAgain).rejects.toBeInstanceOf(PetAlreadySoldError);
    await expect(buyingAgain).rejects.toMatchObject({ code: 'PET_ALREADY_SOLD', petId: pet.id });
    expect(await repository.get(pet.id)).toMatchObject({ soldTo: ada, soldAt });
  });

  it('100 concurrent purchases of one pet: exactly one succeeds, 99 get PET_ALREADY_SOLD, the item records the winner', async () => {
    // Prepare: 100 buyers, each through its own client and connections, like 100 Lambda instances
    const pet = aPet({ type: 'cat', price: 1200 });
    await repository.create(pet);
    const buyers = Array.from({ length: 100 }, (_, n) => ({
      buyer: { subject: `dev-idp|buyer-${n}`, name: `Buyer ${n}` },
      soldAt: new Date(Date.UTC(2026, 1, 1, 12, 0, 0, n)).toISOString(),
      client: dynamo.newClient(),
    }));
    // Act
    const started = performance.now();
    const outcomes = await Promise.allSettled(
      buyers.map(({ buyer, soldAt, client }) =>
        createDynamoPetRepository({ client, tableName: dynamo.tableName }).markSold(
          pet.id,
          buyer,
          soldAt,
        ),
      ),
    );
    const elapsedMs = performance.now() - started;
    for (const { client } of buyers) client.destroy();
    // Assess
    const winners = outcomes.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [outcome.value] : [],
    );
    const losers = outcomes.flatMap((outcome) =>
      outcome.status === 'rejected' ? [outcome.reason] : [],
    );
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(99);
    for (const loser of losers) expect(loser).toBeInstanceOf(PetAlreadySoldError);
    expect(losers.map((loser) => loser.code)).toEqual(Array(99).fill('PET_ALREADY_SOLD'));
    const winner = buyers[outcomes.findIndex((outcome) => outcome.status === 'fulfilled')];
    const expected = { ...pet, isSold: true, soldTo: winner?.buyer, soldAt: winner?.soldAt };
    expect(winners[0]).toStrictEqual(expected);
    expect(await repository.get(pet.id)).toStrictEqual(expected);
    console.info(`100 concurrent purchases of one pet took ${elapsedMs.toFixed(0)} ms`);
  });
});

describe('telling 404 from 409 when DynamoDB returns the item of a failed condition', () => {
  // dynalite ignores ReturnValuesOnConditionCheckFailure; DynamoDB returns the old item in the
  // exception. This client adds it the way DynamoDB does and counts the reads the adapter sends.
  function dynamoLikeClient() {
    const client = DynamoDBDocumentClient.from(dynamo.newClient());
    const sent: string[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        sent.push(context.commandName ?? '');
        try {
          return await next(args);
        } catch (error) {
          const input = args.input as {
            ReturnValuesOnConditionCheckFailure?: string;
            Key?: object;
          };
          if (
            error instanceof Error &&
            error.name === 'ConditionalCheckFailedException' &&
            input.ReturnValuesOnConditionCheckFailure === 'ALL_OLD'
          ) {
            const { Item } = await dynamo.documents.send(
              new GetCommand({
                TableName: dynamo.tableName,
                Key: input.Key as Record<string, unknown>,
              }),
            );
            if (Item) Object.assign(error, { Item });
          }
          throw error;
        }
      },
      { step: 'initialize', name: 'dynamoLikeConditionFailure' },
    );
    return { client, sent };
  }

  it('answers PET_ALREADY_SOLD from the returned item, without another read', async () => {
    // Prepare
    const pet = aPet();
    await repository.create(pet);
    await repository.markSold(pet.id, ada, soldAt);
    const { client, sent } = dynamoLikeClient();
    const adapter = createDynamoPetRepository({ client, tableName: dynamo.tableName });
    // Act
    const buying = adapter.markSold(pet.id, { subject: 'dev-idp|grace', name: 'Grace' }, soldAt);
    // Assess
    await expect(buying).rejects.toBeInstanceOf(PetAlreadySoldError);
    expect(sent).toEqual(['UpdateItemCommand']);
  });

  it("answers its own buyer's repeated purchase with the pet as first sold, from the returned item", async () => {
    // Prepare: the first purchase reached the table, but its answer was lost (a 503)
    const pet = aPet();
    await repository.create(pet);
    const first = await repository.markSold(pet.id, ada, soldAt);
    const { client, sent } = dynamoLikeClient();
    const adapter = createDynamoPetRepository({ client, tableName: dynamo.tableName });
    // Act
    const again = await adapter.markSold(pet.id, ada, '2026-03-01T00:00:00.000Z');
    // Assess
    expect(again).toStrictEqual(first);
    expect(sent).toEqual(['UpdateItemCommand']);
  });

  it('answers PET_NOT_FOUND when no item came back', async () => {
    // Prepare
    const { client, sent } = dynamoLikeClient();
    const adapter = createDynamoPetRepository({ client, tableName: dynamo.tableName });
    // Act
    const buying = adapter.markSold(aPet().id, ada, soldAt);
    // Assess
    await expect(buying).rejects.toBeInstanceOf(PetNotFoundError);
    expect(sent).toEqual(['UpdateItemCommand', 'GetItemCommand']);
  });

  it('sends one conditional UpdateItem that asks for the old item on failure', async () => {
    // Prepare
    const pet = aPet();
    await repository.create(pet);
    const { client } = dynamoLikeClient();
    const inputs: unknown[] = [];
    client.middlewareStack.add(
      (next) => async (args) => {
        inputs.push(args.input);
        return next(args);
      },
      { step: 'initialize', name: 'recordInput' },
    );
    // Act
    await createDynamoPetRepository({ client, tableName: dynamo.tableName }).markSold(
      pet.id,
      ada,
      soldAt,
    );
    // Assess
    expect(inputs).toEqual([
      expect.objectContaining({
        Key: { id: pet.id },
        ConditionExpression: 'attribute_exists(id) AND isSold = :unsold',
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    ]);
  });
});
