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
