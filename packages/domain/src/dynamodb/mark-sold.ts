import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PetAlreadySoldError, PetNotFoundError } from '../errors';
import type { Buyer, Pet } from '../pets/pet';
import { toPet } from './pet-item';
import { isConditionFailure, type TableContext } from './table-context';

/**
 * Sells a pet in one conditional `UpdateItem`: it must exist and not be sold. Of any number of
 * concurrent calls DynamoDB lets exactly one condition hold; the others fail it.
 *
 * @example
 * const pet = await markSold({ documents, tableName }, id, { subject: 'sub-1', name: 'Ada' }, now);
 */
export async function markSold(
  context: TableContext,
  id: string,
  buyer: Buyer,
  soldAt: string,
): Promise<Pet> {
  try {
    const { Attributes } = await context.documents.send(
      new UpdateCommand({
        TableName: context.tableName,
        Key: { id },
        UpdateExpression: 'SET isSold = :sold, soldTo = :buyer, soldAt = :soldAt',
        ConditionExpression: 'attribute_exists(id) AND isSold = :unsold',
        ExpressionAttributeValues: {
          ':sold': true,
          ':unsold': false,
          ':buyer': { subject: buyer.subject, name: buyer.name },
          ':soldAt': soldAt,
        },
        ReturnValues: 'ALL_NEW',
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      }),
    );
    return toPet(Attributes);
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
    throw await whyNotSold(context, id, error.Item);
  }
}

/**
 * Tells 404 from 409 after the condition failed. DynamoDB returns the item as it was when the
 * condition failed (`ReturnValuesOnConditionCheckFailure`): if there was one, it existed and so
 * was sold. Without it (dynalite ignores that parameter; DynamoDB sends nothing when there was
 * no item) a consistent read decides, and that read cannot race with other writes:
 * - no pet now: 404, true at the moment of the read;
 * - a sold pet now: 409, true at the moment of the read (a pet is never un-sold);
 * - an unsold pet now: it cannot have existed when our write failed (it would have been sold,
 *   and stayed so), so 404, true at the moment of the write. Ids are fresh UUIDs, so in practice
 *   this case does not occur.
 */
async function whyNotSold(context: TableContext, id: string, itemAtFailure: unknown) {
  if (itemAtFailure !== undefined) return new PetAlreadySoldError(id);
  const { Item } = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: { id }, ConsistentRead: true }),
  );
  return Item?.isSold === true ? new PetAlreadySoldError(id) : new PetNotFoundError(id);
}
