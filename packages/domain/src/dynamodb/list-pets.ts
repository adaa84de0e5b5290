import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { PetPage, PetPageRequest } from '../pets/pet-repository';
import { decodeCursor, encodeCursor, type IndexKey, type Listing } from './page-cursor';
import { sortKeyOf, toPet } from './pet-item';
import { catalogValue, indexAttributes, petIndexes } from './table';
import type { TableContext } from './table-context';

/**
 * One page of pets, newest first, read from the index of the listing: a `Query` of `limit + 1`
 * items whatever the size of the table. The extra item only tells whether a next page exists,
 * so the last page never carries a cursor (DynamoDB's own `LastEvaluatedKey` would be present
 * on a full last page, leading to an empty one).
 *
 * @example
 * const page = await listPets({ documents, tableName }, { type: 'dog', limit: 20 });
 */
export async function listPets(context: TableContext, request: PetPageRequest): Promise<PetPage> {
  const listing: Listing = request.type ?? 'all';
  const start = request.cursor === undefined ? undefined : decodeCursor(listing, request.cursor);
  const { Items = [] } = await context.documents.send(
    new QueryCommand({
      TableName: context.tableName,
      ...partitionOf(listing),
      ScanIndexForward: false,
      Limit: request.limit + 1,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  const items = Items.slice(0, request.limit).map(toPet);
  const last = items.at(-1);
  if (Items.length <= request.limit || last === undefined) return { items };
  return { items, nextCursor: encodeCursor(listing, indexKeyOf(listing, last)) };
}

function partitionOf(listing: Listing) {
  const [IndexName, attribute, value] =
    listing === 'all'
      ? [petIndexes.all, indexAttributes.catalogPartition, catalogValue]
      : [petIndexes.byType, 'type', listing];
  return {
    IndexName,
    KeyConditionExpression: '#partition = :partition',
    ExpressionAttributeNames: { '#partition': attribute },
    ExpressionAttributeValues: { ':partition': value },
  };
}

/** The index key of `pet` in `listing`: what DynamoDB's `LastEvaluatedKey` would hold. */
function indexKeyOf(listing: Listing, pet: { id: string; createdAt: string }): IndexKey {
  const partition =
    listing === 'all' ? { [indexAttributes.catalogPartition]: catalogValue } : { type: listing };
  return { id: pet.id, [indexAttributes.sortKey]: sortKeyOf(pet), ...partition };
}
