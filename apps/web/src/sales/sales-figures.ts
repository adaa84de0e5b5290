import type { Buyer, Pet } from '@petstore/api-contract/types';

/** One sale, as the admin's sales view lists it. */
export interface Sale {
  readonly pet: Pet;
  /** Who bought it; absent only if the API did not say (it tells admins). */
  readonly buyer: Buyer | undefined;
  /** When, if the API recorded it (`soldAt`). */
  readonly soldAt: string | undefined;
}

/** The sales among some pets: how many, how much, and each sale, the latest first. */
export interface SalesFigures {
  readonly count: number;
  /** In cents, summed as whole numbers (no floating-point drift over many prices). */
  readonly revenueCents: number;
  readonly sales: readonly Sale[];
}

/**
 * The sales figures of a set of pets (one filter's): the sold ones, counted, their prices summed,
 * listed by `soldAt`, the latest first (a sale with no date last).
 *
 * @example
 * salesFigures([{ ...pet, price: 10.1, isSold: true }, { ...pet, price: 20.2, isSold: true }])
 * // { count: 2, revenueCents: 3030, sales: [...] }
 */
export function salesFigures(pets: readonly Pet[]): SalesFigures {
  const sold = pets.filter((pet) => pet.isSold);
  const sales = sold
    .map((pet) => ({ pet, buyer: pet.soldTo, soldAt: pet.soldAt }))
    .sort((a, b) => (b.soldAt ?? '').localeCompare(a.soldAt ?? ''));
  const revenueCents = sold.reduce((sum, pet) => sum + Math.round(pet.price * 100), 0);
  return { count: sold.length, revenueCents, sales };
}
