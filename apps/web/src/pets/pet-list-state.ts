import type { Pet, PetType } from '@petstore/api-contract/types';
import type { ApiFailure } from '../api/api-failure';

/** The list as shown: the pets loaded so far (newest first) for one type filter. */
export interface PetListState {
  readonly type: PetType | undefined;
  readonly pets: readonly Pet[];
  readonly nextCursor: string | undefined;
  /** `loading` replaces the list, `loading-more` appends a page. */
  readonly status: 'loading' | 'ready' | 'loading-more';
  /** Why the last page could not be loaded. */
  readonly failure: ApiFailure | undefined;
  /** Pets someone else bought while this page showed them for sale (a 409 on Buy). */
  readonly goneIds: ReadonlySet<string>;
}

export type PetListEvent =
  | { readonly kind: 'load'; readonly type: PetType | undefined }
  | { readonly kind: 'load-more' }
  | {
      readonly kind: 'page';
      readonly pets: readonly Pet[];
      readonly nextCursor: string | undefined;
    }
  | { readonly kind: 'failed'; readonly failure: ApiFailure }
  | { readonly kind: 'added'; readonly pet: Pet }
  | { readonly kind: 'changed'; readonly pet: Pet }
  | { readonly kind: 'removed'; readonly id: string }
  | { readonly kind: 'gone'; readonly id: string };

export const initialPetList: PetListState = {
  type: undefined,
  pets: [],
  nextCursor: undefined,
  status: 'loading',
  failure: undefined,
  goneIds: new Set(),
};

/**
 * The list's reducer: loading pages, and the changes this page made (added, bought, removed)
 * applied in place so the list stays where it is without reloading.
 *
 * @example
 * petListReducer(state, { kind: 'removed', id }) // the same list without that pet
 */
export function petListReducer(state: PetListState, event: PetListEvent): PetListState {
  switch (event.kind) {
    case 'load':
      return { ...initialPetList, type: event.type, goneIds: state.goneIds };
    case 'load-more':
      return { ...state, status: 'loading-more', failure: undefined };
    case 'page': {
      const known = new Set(state.pets.map((pet) => pet.id));
      const fresh = event.pets.filter((pet) => !known.has(pet.id));
      // While a first page loads, the list holds only the pets added meanwhile (`load` empties
      // it): they are newer than anything the page was read before, so they stay in front.
      const inPage = new Set(event.pets.map((pet) => pet.id));
      const addedMeanwhile = state.pets.filter((pet) => !inPage.has(pet.id));
      const pets =
        state.status === 'loading' ? [...addedMeanwhile, ...event.pets] : [...state.pets, ...fresh];
      return { ...state, pets, nextCursor: event.nextCursor, status: 'ready', failure: undefined };
    }
    case 'failed':
      return { ...state, status: 'ready', failure: event.failure };
    case 'added':
      if (state.type !== undefined && state.type !== event.pet.type) return state;
      return { ...state, pets: [event.pet, ...state.pets] };
    case 'changed':
      return {
        ...state,
        pets: state.pets.map((pet) => (pet.id === event.pet.id ? event.pet : pet)),
      };
    case 'removed':
      return { ...state, pets: state.pets.filter((pet) => pet.id !== event.id) };
    case 'gone':
      return { ...state, goneIds: new Set([...state.goneIds, event.id]) };
  }
}
