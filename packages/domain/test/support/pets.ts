import { randomUUID } from 'node:crypto';
import { newPet, type Pet, type PetType } from '../../src/pets/pet';

/** A new, unsold pet; `minute` sets its creation time (minutes after a fixed start). */
export function aPet(init: { type?: PetType; price?: number; minute?: number } = {}): Pet {
  const createdAt = new Date(Date.UTC(2026, 0, 1) + (init.minute ?? 0) * 60_000).toISOString();
  return newPet({
    id: randomUUID(),
    type: init.type ?? 'dog',
    price: init.price ?? 249.99,
    createdAt,
  });
}

export const ada = { subject: 'dev-idp|ada', name: 'Ada Lovelace' } as const;
export const soldAt = '2026-02-01T12:00:00.000Z';
