export {
  createDynamoClient,
  type DynamoClientOptions,
  dynamoCallBoundMs,
  dynamoCallLimits,
} from './create-dynamo-client';
export {
  createDynamoPetRepository,
  DuplicatePetIdError,
  type DynamoPetRepositoryOptions,
} from './dynamo-pet-repository';
export { ensureTable } from './ensure-table';
export { type PetItem, toItem } from './pet-item';
export { isStoreUnavailable } from './store-unavailable';
export {
  catalogValue,
  indexAttributes,
  type PetTableDefinition,
  petIndexes,
  petTable,
} from './table';
