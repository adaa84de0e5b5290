import type { Buyer, Pet, PetType } from '@petstore/api-contract/types';

export type { Buyer, Pet, PetType } from '@petstore/api-contract/types';

/** A pet nobody has bought yet, as the service creates it. */
export function newPet(init: { id: string; type: PetType; price: number; createdAt: string }): Pet {
  return { ...init, isSold: false };
}

/** A pet sold to `buyer` at `soldAt` (ISO 8601). */
export function sold(pet: Pet, buyer: Buyer, soldAt: string): Pet {
  return { ...pet, isSold: true, soldTo: buyer, soldAt };
}
