import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PetAlreadySoldError, PetNotFoundError } from '../errors';
import type { Buyer, Pet } from '../pets/pet';
import { toPet } from './pet-item';
import { isConditionFailure, type TableContext } from './table-context';

/**
 * Sells a pet in one conditional `UpdateItem`: it must exist and not be sold. Of any number of
 * concurrent calls DynamoDB lets exactly one condition hold; the others fail it.
 *
 * A purchase is idempotent for its buyer: when the pet is already sold to `buyer.subject`, the
 * pet is returned as sold (a retry after a 503 whose write had reached the table must not tell
 * the buyer that their own pet is gone). Anyone else gets `PetAlreadySoldError`.
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
    const outcome = await whyNotSold(context, id, error.Item);
    if (outcome instanceof Error) throw outcome;
    if (outcome.soldTo?.subject === buyer.subject) return outcome;
    throw new PetAlreadySoldError(id);
  }
}

/**
 * Tells 404 from 409 after the condition failed, and gives the sold pet (to tell its own buyer's
 * retry from another buyer). DynamoDB returns the item as it was when the condition failed
 * (`ReturnValuesOnConditionCheckFailure`): if there was one, it existed and so was sold. Without
 * it (dynalite ignores that parameter; DynamoDB sends nothing when there was no item) a
 * consistent read decides, and that read cannot race with other writes:
 * - no pet now: 404, true at the moment of the read;
 * - a sold pet now: 409, true at the moment of the read (a pet is never un-sold);
 * - an unsold pet now: it cannot have existed when our write failed (it would have been sold,
 *   and stayed so), so 404, true at the moment of the write. Ids are fresh UUIDs, so in practice
 *   this case does not occur.
 */
async function whyNotSold(
  context: TableContext,
  id: string,
  itemAtFailure: unknown,
): Promise<Pet | PetNotFoundError> {
  if (itemAtFailure !== undefined) return toPet(itemAtFailure);
  const { Item } = await context.documents.send(
    new GetCommand({ TableName: context.tableName, Key: { id }, ConsistentRead: true }),
  );
  return Item?.isSold === true ? toPet(Item) : new PetNotFoundError(id);
}
