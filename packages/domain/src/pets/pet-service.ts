import { randomUUID } from 'node:crypto';
import { PetNotFoundError } from '../errors';
import {
  type ListPetsQuery,
  listPetsQuerySchema,
  type NewPetInput,
  newPetSchema,
  parseInput,
  petIdSchema,
} from '../schemas';
import { type Buyer, newPet, type Pet } from './pet';
import type { PetPage, PetRepository } from './pet-repository';

export interface PetServiceOptions {
  readonly repository: PetRepository;
  /** Defaults to the system clock. */
  readonly now?: () => Date;
  /** Defaults to `crypto.randomUUID`. */
  readonly newId?: () => string;
}

export interface PetService {
  listPets(query: unknown): Promise<PetPage>;
  getPet(petId: unknown): Promise<Pet>;
  createPet(input: unknown): Promise<Pet>;
  deletePet(petId: unknown): Promise<void>;
  purchasePet(petId: unknown, buyer: Buyer): Promise<Pet>;
}

/**
 * The pet store's use cases over a {@link PetRepository}. Inputs are validated here (a
 * `ValidationError` means nothing was read or written), so callers pass what they received.
 *
 * @example
 * const pets = createPetService({ repository: createDynamoPetRepository({ client, tableName }) });
 * const pet = await pets.createPet({ type: 'dog', price: 249.99 });
 * await pets.purchasePet(pet.id, { subject: 'auth0|42', name: 'Ada' });
 */
export function createPetService(options: PetServiceOptions): PetService {
  const { repository } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const id = (value: unknown) => parseInput(petIdSchema, value, '/path/petId');

  return {
    async listPets(query) {
      const { type, limit, cursor }: ListPetsQuery = parseInput(
        listPetsQuerySchema,
        query ?? {},
        '/query',
      );
      return repository.list({ type, limit, cursor });
    },
    async getPet(petId) {
      const pet = await repository.get(id(petId));
      if (!pet) throw new PetNotFoundError(String(petId));
      return pet;
    },
    async createPet(input) {
      const { type, price }: NewPetInput = parseInput(newPetSchema, input, '/body');
      const pet = newPet({ id: newId(), type, price, createdAt: now().toISOString() });
      await repository.create(pet);
      return pet;
    },
    async deletePet(petId) {
      await repository.delete(id(petId));
    },
    async purchasePet(petId, buyer) {
      return repository.markSold(id(petId), buyer, now().toISOString());
    },
  };
}
