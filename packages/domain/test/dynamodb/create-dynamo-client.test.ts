import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createDynamoClient,
  dynamoCallBoundMs,
  dynamoCallLimits,
} from '../../src/dynamodb/create-dynamo-client';
import { createDynamoPetRepository } from '../../src/dynamodb/dynamo-pet-repository';
import { localCredentials, startDynamo, type TestDynamo } from '../support/dynamo';
import { aPet } from '../support/pets';

let dynamo: TestDynamo;

beforeAll(async () => {
  dynamo = await startDynamo();
});
afterAll(() => dynamo.stop());

describe('createDynamoClient', () => {
  it('makes a document client that reaches a local endpoint', async () => {
    // Prepare
    const client = createDynamoClient({
      region: 'eu-west-1',
      endpoint: dynamo.endpoint,
      credentials: localCredentials,
    });
    const repository = createDynamoPetRepository({ client, tableName: dynamo.tableName });
    const pet = aPet();
    // Act
    await repository.create(pet);
    // Assess
    expect(await repository.get(pet.id)).toStrictEqual(pet);
    expect(await client.config.region()).toBe('eu-west-1');
    client.destroy();
  });

  it('uses the AWS endpoint of the region when none is given', async () => {
    // Act
    const client = createDynamoClient({ region: 'eu-west-1', credentials: localCredentials });
    // Assess
    expect(client.config.endpoint).toBeUndefined();
    expect(await client.config.region()).toBe('eu-west-1');
    client.destroy();
  });

  it('sets the attempts and the time limits of dynamoCallLimits, bounding a call', async () => {
    // Act
    const client = createDynamoClient({ region: 'eu-west-1', credentials: localCredentials });
    // Assess
    expect(await client.config.maxAttempts()).toBe(dynamoCallLimits.maxAttempts);
    const handler = client.config.requestHandler as unknown as {
      configProvider: Promise<Record<string, unknown>>;
    };
    expect(await handler.configProvider).toMatchObject({
      connectionTimeout: dynamoCallLimits.connectionTimeoutMs,
      requestTimeout: dynamoCallLimits.requestTimeoutMs,
      throwOnRequestTimeout: true,
    });
    expect(dynamoCallBoundMs).toBe(2 * (1_000 + 1_500) + 100);
    client.destroy();
  });
});
