export { createDynamoClient, type DynamoClientOptions } from './create-dynamo-client';
export {
  createDynamoPetRepository,
  DuplicatePetIdError,
  type DynamoPetRepositoryOptions,
} from './dynamo-pet-repository';
export { ensureTable } from './ensure-table';
export {
  catalogValue,
  indexAttributes,
  type PetTableDefinition,
  petIndexes,
  petTable,
} from './table';
