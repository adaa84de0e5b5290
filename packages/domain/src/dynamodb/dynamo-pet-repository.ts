import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
} from '@aws-sdk/lib-dynamodb';
import { PetNotFoundError } from '../errors';
import type { PetRepository } from '../pets/pet-repository';
import { listPets } from './list-pets';
import { markSold } from './mark-sold';
import { toItem, toPet } from './pet-item';
import { unlessUnavailable } from './store-unavailable';
import { documentClientOf, isConditionFailure, type TableContext } from './table-context';

export interface DynamoPetRepositoryOptions {
  /** A DynamoDB client, or a document client over one. */
  readonly client: DynamoDBClient | DynamoDBDocumentClient;
  /** A table created from `petTable`. */
  readonly tableName: string;
}

/** The id of a new pet is already taken: the id generator is broken (an infrastructure fault). */
export class DuplicatePetIdError extends Error {
  override readonly name = 'DuplicatePetIdError';
  readonly code = 'DUPLICATE_PET_ID';
  constructor(readonly petId: string) {
    super(`A pet with the id ${petId} exists already.`);
  }
}

/**
 * The `PetRepository` over a DynamoDB table of the shape `petTable`, one item per pet. A table
 * that does not answer (in the client's time limits), refuses connections or throttles raises
 * `StoreUnavailableError`; each operation is one single-item write or reads only, so a failed
 * call never leaves a pet half-written.
 *
 * @example
 * const repository = createDynamoPetRepository({
 *   client: createDynamoClient({ region: 'eu-west-1' }),
 *   tableName: 'pets',
 * });
 * const page = await repository.list({ type: 'cat', limit: 20 });
 */
export function createDynamoPetRepository(options: DynamoPetRepositoryOptions): PetRepository {
  const context: TableContext = {
    documents: documentClientOf(options.client),
    tableName: options.tableName,
  };
  const { documents, tableName: TableName } = context;

  const repository: PetRepository = {
    async create(pet) {
      try {
        await documents.send(
          new PutCommand({
            TableName,
            Item: toItem(pet),
            ConditionExpression: 'attribute_not_exists(id)',
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new DuplicatePetIdError(pet.id);
        throw error;
      }
    },
    async get(id) {
      const { Item } = await documents.send(
        new GetCommand({ TableName, Key: { id }, ConsistentRead: true }),
      );
      return Item === undefined ? undefined : toPet(Item);
    },
    async delete(id) {
      try {
        await documents.send(
          new DeleteCommand({
            TableName,
            Key: { id },
            ConditionExpression: 'attribute_exists(id)',
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new PetNotFoundError(id);
        throw error;
      }
    },
    markSold: (id, buyer, soldAt) => markSold(context, id, buyer, soldAt),
    list: (request) => listPets(context, request),
  };
  return {
    create: (pet) => unlessUnavailable(() => repository.create(pet)),
    get: (id) => unlessUnavailable(() => repository.get(id)),
    delete: (id) => unlessUnavailable(() => repository.delete(id)),
    markSold: (id, buyer, soldAt) =>
      unlessUnavailable(() => repository.markSold(id, buyer, soldAt)),
    list: (request) => unlessUnavailable(() => repository.list(request)),
  };
}
