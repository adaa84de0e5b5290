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
import { asSeenBy, type Viewer } from './buyer-visibility';
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
  /** A page of pets, each as `viewer` may see it (`soldTo` for admins and the buyer only). */
  listPets(query: unknown, viewer: Viewer): Promise<PetPage>;
  /** The pet as `viewer` may see it (`soldTo` for admins and the buyer only). */
  getPet(petId: unknown, viewer: Viewer): Promise<Pet>;
  createPet(input: unknown): Promise<Pet>;
  deletePet(petId: unknown): Promise<void>;
  /** Sells the pet to `buyer`; the answer is for the buyer, so it carries `soldTo`. */
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
 * await pets.getPet(pet.id, { isAdmin: false, subject: 'auth0|7' }); // sold, without soldTo
 */
export function createPetService(options: PetServiceOptions): PetService {
  const { repository } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;
  const id = (value: unknown) => parseInput(petIdSchema, value, '/path/petId');

  return {
    async listPets(query, viewer) {
      const { type, limit, cursor }: ListPetsQuery = parseInput(
        listPetsQuerySchema,
        query ?? {},
        '/query',
      );
      const page = await repository.list({ type, limit, cursor });
      return { ...page, items: page.items.map((pet) => asSeenBy(pet, viewer)) };
    },
    async getPet(petId, viewer) {
      const pet = await repository.get(id(petId));
      if (!pet) throw new PetNotFoundError(String(petId));
      return asSeenBy(pet, viewer);
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
