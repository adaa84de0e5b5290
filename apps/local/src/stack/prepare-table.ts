import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
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
export async function prepareTable(
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<boolean> {
  if (!(await ensureTable(client, tableName))) return false;
  const repository = createDynamoPetRepository({ client, tableName });
  await seedClassicPets((newId) => createPetService({ repository, newId }));
  return true;
}
