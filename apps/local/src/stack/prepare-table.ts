import {
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoPetRepository, ensureTable } from '@petstore/domain/dynamodb';
import { createPetService } from '@petstore/domain/pets';
import { seedClassicPets } from './seed-pets';

/**
 * Creates the pets table from the domain's definition (the template's, as a test checks) if it
 * is missing, and seeds the classic pets when it had to create it. Resolves with whether it did.
 *
 * @example
 * const created = await prepareTable(client, 'PetsTable');
 */
export async function prepareTable(client: DynamoDBClient, tableName: string): Promise<boolean> {
  if (await exists(client, tableName)) return false;
  await ensureTable(client, tableName);
  const repository = createDynamoPetRepository({
    client: DynamoDBDocumentClient.from(client),
    tableName,
  });
  await seedClassicPets(createPetService({ repository }));
  return true;
}

async function exists(client: DynamoDBClient, tableName: string): Promise<boolean> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return true;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return false;
    throw error;
  }
}
