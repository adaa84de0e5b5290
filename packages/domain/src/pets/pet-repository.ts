import type { Buyer, Pet, PetType } from './pet';

export interface PetPageRequest {
  readonly type?: PetType | undefined;
  /** 1 to 100. */
  readonly limit: number;
  /** The opaque `nextCursor` of the previous page of the same listing. */
  readonly cursor?: string | undefined;
}

export interface PetPage {
  readonly items: Pet[];
  /** Absent on the last page. */
  readonly nextCursor?: string;
}

/**
 * Where pets are kept. The DynamoDB adapter is `@petstore/domain/dynamodb`.
 *
 * Implementations raise the domain's errors: `PetNotFoundError`, `PetAlreadySoldError`,
 * `InvalidCursorError`; anything else they throw is an infrastructure fault.
 */
export interface PetRepository {
  /** Stores a new pet; its id is new (the service generates it). */
  create(pet: Pet): Promise<void>;
  /** The pet, or undefined. */
  get(id: string): Promise<Pet | undefined>;
  /** Removes the pet; throws `PetNotFoundError` if there is none. */
  delete(id: string): Promise<void>;
  /**
   * Marks the pet sold to `buyer` in one atomic, conditional write and returns it.
   * Throws `PetNotFoundError` if there is no such pet, `PetAlreadySoldError` if it was sold,
   * including by a concurrent call: of many simultaneous calls exactly one succeeds.
   */
  markSold(id: string, buyer: Buyer, soldAt: string): Promise<Pet>;
  /** A page of pets, newest first, optionally of one type. */
  list(request: PetPageRequest): Promise<PetPage>;
}
