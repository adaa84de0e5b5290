import { createDynamoClient, createDynamoPetRepository } from '@petstore/domain/dynamodb';
import { createPetService, type PetService } from '@petstore/domain/pets';
import { loadTableConfig } from './table-config';

/**
 * The pet store's use cases over the Pets table, built once per container at cold start (where
 * a wrong environment fails, naming the variable). Only the handlers that use the table import
 * this module, so only their bundles carry the AWS SDK.
 */
export const pets: PetService = createPets(process.env);

function createPets(env: Record<string, string | undefined>): PetService {
  const config = loadTableConfig(env);
  const client = createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint });
  const repository = createDynamoPetRepository({ client, tableName: config.tableName });
  return createPetService({ repository });
}
