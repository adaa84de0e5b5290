import { type PetType, petTypeValues } from '@petstore/api-contract/types';

/**
 * The type filter kept in the address (`?type=cat`), so that a reload or a return from sign-in
 * shows the same list. Unknown values mean no filter.
 *
 * @example
 * typeFromSearch('?type=cat') // 'cat'
 */
export function typeFromSearch(search: string): PetType | undefined {
  const type = new URLSearchParams(search).get('type');
  return petTypeValues.find((known) => known === type);
}

/**
 * Replaces the current history entry's `type` parameter.
 *
 * @example
 * writeTypeToUrl('dog'); // the address becomes /?type=dog
 */
export function writeTypeToUrl(type: PetType | undefined): void {
  const url = new URL(window.location.href);
  if (type) url.searchParams.set('type', type);
  else url.searchParams.delete('type');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}`);
}
