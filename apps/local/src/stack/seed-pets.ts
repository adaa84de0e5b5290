import type { PetService } from '@petstore/domain/pets';

/**
 * The pets of the classic AWS PetStore example, with fixed ids: the sample events of `events/`
 * (`pnpm invoke`) name them.
 */
export const classicPets = [
  { id: 'd06a1b2c-3d4e-4f5a-8b6c-7d8e9f0a1b2c', type: 'dog', price: 249.99 },
  { id: '5f2c7d1e-3a4b-4c6d-8e9f-0a1b2c3d4e5f', type: 'cat', price: 124.99 },
  { id: '9d8c7b6a-5e4f-4a3b-9c2d-1e0f9a8b7c6d', type: 'fish', price: 0.99 },
] as const;

/**
 * Puts the classic pets up for sale, oldest first so that the dog lists last.
 *
 * @example
 * await seedClassicPets((ids) => createPetService({ repository, newId: ids }));
 */
export async function seedClassicPets(service: (newId: () => string) => PetService): Promise<void> {
  const oldestFirst = [...classicPets].reverse();
  const ids = oldestFirst.map((pet) => pet.id);
  const pets = service(() => ids.shift() ?? crypto.randomUUID());
  for (const { type, price } of oldestFirst) await pets.createPet({ type, price });
}
