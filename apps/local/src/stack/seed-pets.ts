import type { PetService } from '@petstore/domain/pets';

/** The pets of the classic AWS PetStore example. */
export const classicPets = [
  { type: 'dog', price: 249.99 },
  { type: 'cat', price: 124.99 },
  { type: 'fish', price: 0.99 },
] as const;

/**
 * Puts the classic pets up for sale, oldest first so that the dog lists last.
 *
 * @example
 * await seedClassicPets(createPetService({ repository }));
 */
export async function seedClassicPets(pets: PetService): Promise<void> {
  for (const pet of [...classicPets].reverse()) await pets.createPet(pet);
}
