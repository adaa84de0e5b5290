import type { PetType } from '@petstore/api-contract/types';

/** Display names of the contract's pet types (`Record` keeps them in step with the enum). */
export const petTypeLabels: Record<PetType, { readonly one: string; readonly many: string }> = {
  dog: { one: 'Dog', many: 'Dogs' },
  cat: { one: 'Cat', many: 'Cats' },
  fish: { one: 'Fish', many: 'Fish' },
  bird: { one: 'Bird', many: 'Birds' },
  gecko: { one: 'Gecko', many: 'Geckos' },
};

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/**
 * A price in US dollars, as people read it.
 *
 * @example
 * formatPrice(1249.5) // '$1,249.50'
 */
export function formatPrice(price: number): string {
  return usd.format(price);
}

/**
 * "the cat for $124.99": how messages name a pet.
 *
 * @example
 * describePet({ type: 'cat', price: 124.99 }) // 'the cat for $124.99'
 */
export function describePet(pet: { readonly type: PetType; readonly price: number }): string {
  return `the ${petTypeLabels[pet.type].one.toLowerCase()} for ${formatPrice(pet.price)}`;
}

/**
 * The end of a pet's id, as the cards show it: what tells two pets of one type and price apart.
 *
 * @example
 * petNumber('0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a') // 'No. 0c1e2a'
 */
export function petNumber(id: string): string {
  return `No. ${id.slice(-6)}`;
}

const day = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });
const moment = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The day of a timestamp (`createdAt`), in the reader's time zone.
 *
 * @example
 * formatDay('2026-12-01T10:00:00Z') // 'Dec 1, 2026'
 */
export function formatDay(timestamp: string): string {
  return day.format(new Date(timestamp));
}

/**
 * The day and time of a timestamp (`soldAt`), in the reader's time zone.
 *
 * @example
 * formatMoment('2026-12-01T16:52:00Z') // 'Dec 1, 2026, 4:52 PM' (in UTC)
 */
export function formatMoment(timestamp: string): string {
  return moment.format(new Date(timestamp));
}

/**
 * "The cat for $124.99": {@link describePet} at the start of a sentence.
 *
 * @example
 * describePetFirst({ type: 'cat', price: 124.99 }) // 'The cat for $124.99'
 */
export function describePetFirst(pet: { readonly type: PetType; readonly price: number }): string {
  return describePet(pet).replace(/^the/, 'The');
}
