import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * Names of the item attributes that exist only for the indexes. They never leave the adapter.
 *
 * - `createdAtId` (`<createdAt>#<id>`) sorts pets by creation time (ISO 8601 in UTC with
 *   milliseconds sorts as text), the id breaking ties so that no two pets share a position.
 * - `catalog` holds the same value on every pet: it is the partition of the "all pets" index.
 */
export const indexAttributes = {
  sortKey: 'createdAtId',
  catalogPartition: 'catalog',
} as const;

/** The value of `catalog` on every pet. */
export const catalogValue = 'all';

/** The index names, as queried by the adapter. */
export const petIndexes = {
  /** Pets of one type, newest first: partition `type`, sort `createdAtId`. */
  byType: 'pets-by-type',
  /** Every pet, newest first: partition `catalog` (constant), sort `createdAtId`. */
  all: 'pets-all',
} as const;

/**
 * The pets table, kept in this one place: pass it to `CreateTableCommand` (with a
 * `TableName`), and compare it with the SAM template's `AWS::DynamoDB::Table` properties, which
 * use the same names and shapes.
 *
 * One item per pet, partition key `id`. Listing newest first reads an index with
 * `ScanIndexForward: false` and `Limit`, so a page costs the same at 100 pets as at 100,000.
 *
 * Trade-off of the "all pets" index: its partition key is a constant, so every pet lands in one
 * index partition. Reads of a page stay cheap, but that partition takes every write that
 * touches an indexed pet (create, purchase, delete), and one partition accepts about 1,000
 * writes a second; past that DynamoDB throttles the index and, through it, the table's writes.
 * A pet store is far below that. Should it not be, write-shard the constant (`all#0`..`all#N`)
 * and merge N queries per page, with one position per shard in the cursor.
 *
 * @example
 * await client.send(new CreateTableCommand({ TableName: 'pets', ...petTable }));
 */
export const petTable: PetTableDefinition = {
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'id', AttributeType: 'S' },
    { AttributeName: 'type', AttributeType: 'S' },
    { AttributeName: indexAttributes.sortKey, AttributeType: 'S' },
    { AttributeName: indexAttributes.catalogPartition, AttributeType: 'S' },
  ],
  KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
  GlobalSecondaryIndexes: [
    {
      IndexName: petIndexes.byType,
      KeySchema: [
        { AttributeName: 'type', KeyType: 'HASH' },
        { AttributeName: indexAttributes.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
    {
      IndexName: petIndexes.all,
      KeySchema: [
        { AttributeName: indexAttributes.catalogPartition, KeyType: 'HASH' },
        { AttributeName: indexAttributes.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    },
  ],
};

/** The parts of `CreateTableCommandInput` (and of the CloudFormation resource) the table defines. */
export type PetTableDefinition = {
  [Part in
    | 'BillingMode'
    | 'AttributeDefinitions'
    | 'KeySchema'
    | 'GlobalSecondaryIndexes']-?: NonNullable<CreateTableCommandInput[Part]>;
};
