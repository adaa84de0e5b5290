import { petTypeValues } from '@petstore/api-contract/types';
import * as z from 'zod';
import type { Pet } from '../pets/pet';
import { catalogValue, indexAttributes } from './table';

/** A pet as stored: the contract's fields plus the index attributes. */
export type PetItem = Pet & {
  readonly [indexAttributes.sortKey]: string;
  readonly [indexAttributes.catalogPartition]: typeof catalogValue;
};

/**
 * The index sort key of a pet: creation time, then id to break ties.
 *
 * @example
 * sortKeyOf({ createdAt: '2026-01-01T00:00:00.000Z', id: 'a1…' }) // '2026-01-01T00:00:00.000Z#a1…'
 */
export function sortKeyOf(pet: Pick<Pet, 'createdAt' | 'id'>): string {
  return `${pet.createdAt}#${pet.id}`;
}

/**
 * The item that stores `pet`.
 *
 * @example
 * await documents.send(new PutCommand({ TableName, Item: toItem(pet) }));
 */
export function toItem(pet: Pet): PetItem {
  return {
    ...toPet(pet),
    [indexAttributes.sortKey]: sortKeyOf(pet),
    [indexAttributes.catalogPartition]: catalogValue,
  };
}

const storedPetSchema = z.object({
  id: z.string(),
  type: z.enum(petTypeValues),
  price: z.number(),
  isSold: z.boolean(),
  soldTo: z.object({ subject: z.string(), name: z.string() }).optional(),
  soldAt: z.string().optional(),
  createdAt: z.string(),
});

/**
 * The contract's `Pet` held by a stored item: exactly its fields, nothing of the index
 * attributes. An item that is not a pet is a fault of the data, thrown as a `ZodError`.
 *
 * @example
 * const pet = toPet(Item);
 */
export function toPet(item: unknown): Pet {
  const { soldTo, soldAt, ...pet } = storedPetSchema.parse(item);
  return {
    ...pet,
    ...(soldTo ? { soldTo: { subject: soldTo.subject, name: soldTo.name } } : {}),
    ...(soldAt ? { soldAt } : {}),
  };
}
