import * as z from 'zod';
import { InvalidCursorError } from '../errors';
import type { PetType } from '../pets/pet';
import { petIdSchema } from '../schemas';
import { catalogValue, indexAttributes } from './table';

/** Which listing a cursor continues: every pet, or the pets of one type. */
export type Listing = 'all' | PetType;

/** Where a page ended: the index key of its last pet (the `ExclusiveStartKey` of the next). */
export type IndexKey = Record<string, string>;

const base64url = /^[A-Za-z0-9_-]+$/;
const isoMillis = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
const sortKeyPattern = new RegExp(`^${isoMillis}#([0-9a-f-]{36})$`);

function keySchemaFor(listing: Listing) {
  const partition =
    listing === 'all'
      ? { [indexAttributes.catalogPartition]: z.literal(catalogValue) }
      : { type: z.literal(listing) };
  return z
    .strictObject({ id: petIdSchema, [indexAttributes.sortKey]: z.string(), ...partition })
    .refine((key) => sortKeyPattern.exec(key[indexAttributes.sortKey])?.[1] === key.id);
}

/**
 * The opaque `nextCursor` for a page of `listing` that ended at `key`: base64url of JSON.
 *
 * @example
 * encodeCursor('dog', { id, type: 'dog', createdAtId }) // 'eyJ2IjoxLC…'
 */
export function encodeCursor(listing: Listing, key: IndexKey): string {
  return Buffer.from(JSON.stringify({ v: 1, listing, key })).toString('base64url');
}

/**
 * The index key a cursor of `listing` holds. Anything this API did not issue for this listing
 * (bad base64url, bad JSON, another listing's cursor, a key of the wrong shape) throws
 * `InvalidCursorError`. The key only says where to resume: a well-formed cursor made up by a
 * caller can only move the start of a listing its caller may read anyway.
 *
 * @example
 * const ExclusiveStartKey = decodeCursor('dog', query.cursor);
 */
export function decodeCursor(listing: Listing, cursor: string): IndexKey {
  if (!base64url.test(cursor)) throw new InvalidCursorError();
  const bytes = Buffer.from(cursor, 'base64url');
  // Node decodes leniently (it drops stray bits); only the canonical spelling is ours.
  if (bytes.toString('base64url') !== cursor) throw new InvalidCursorError();
  let payload: unknown;
  try {
    payload = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const schema = z.strictObject({
    v: z.literal(1),
    listing: z.literal(listing),
    key: keySchemaFor(listing),
  });
  const result = schema.safeParse(payload);
  if (!result.success) throw new InvalidCursorError();
  return result.data.key as IndexKey;
}
