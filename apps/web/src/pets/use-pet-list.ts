import type { NewPet, Pet, PetType } from '@petstore/api-contract/types';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import { useApi } from '../api/api-context';
import { callApi, type Outcome } from '../api/call-api';
import { initialPetList, type PetListState, petListReducer } from './pet-list-state';

/** Pets per page: a full row in one, two, three and four columns. */
export const pageSize = 12;

export interface PetList {
  readonly state: PetListState;
  readonly showType: (type: PetType | undefined) => void;
  readonly reload: () => void;
  readonly loadMore: () => void;
  readonly add: (pet: NewPet) => Promise<Outcome<Pet>>;
  readonly buy: (pet: Pet) => Promise<Outcome<Pet>>;
  readonly remove: (pet: Pet) => Promise<Outcome<undefined>>;
}

/**
 * The pet list and what can be done to it, through the typed client. A newer load cancels an
 * older one (switching the filter quickly never shows the wrong type); a 409 on Buy marks the
 * pet as gone; a 404 on remove counts as removed.
 *
 * @example
 * const list = usePetList(undefined);
 * await list.buy(list.state.pets[0]);
 */
export function usePetList(initialType: PetType | undefined): PetList {
  const api = useApi();
  const [state, dispatch] = useReducer(petListReducer, { ...initialPetList, type: initialType });
  const inFlight = useRef<AbortController | undefined>(undefined);

  const fetchPage = useCallback(
    async (type: PetType | undefined, cursor: string | undefined) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      const query = { limit: pageSize, ...(type ? { type } : {}), ...(cursor ? { cursor } : {}) };
      const outcome = await callApi(() =>
        api.GET('/pets', { params: { query }, signal: controller.signal }),
      );
      if (controller.signal.aborted) return;
      if (outcome.ok)
        dispatch({ kind: 'page', pets: outcome.data.items, nextCursor: outcome.data.nextCursor });
      else dispatch({ kind: 'failed', failure: outcome.failure });
    },
    [api],
  );

  const showType = useCallback(
    (type: PetType | undefined) => {
      dispatch({ kind: 'load', type });
      void fetchPage(type, undefined);
    },
    [fetchPage],
  );

  // The first page, once; showType loads the others.
  useEffect(() => {
    void fetchPage(initialType, undefined);
    return () => inFlight.current?.abort();
  }, [fetchPage]);

  const reload = useCallback(() => showType(state.type), [showType, state.type]);

  const loadMore = useCallback(() => {
    if (!state.nextCursor) return reload();
    dispatch({ kind: 'load-more' });
    void fetchPage(state.type, state.nextCursor);
  }, [fetchPage, reload, state.nextCursor, state.type]);

  const add = useCallback(
    async (pet: NewPet) => {
      const outcome = await callApi(() => api.POST('/pets', { body: pet }));
      if (outcome.ok) dispatch({ kind: 'added', pet: outcome.data });
      return outcome;
    },
    [api],
  );

  const buy = useCallback(
    async (pet: Pet) => {
      const params = { path: { petId: pet.id } };
      const outcome = await callApi(() => api.POST('/pets/{petId}/purchase', { params }));
      if (outcome.ok) dispatch({ kind: 'changed', pet: outcome.data });
      else if (outcome.failure.kind === 'already-sold') dispatch({ kind: 'gone', id: pet.id });
      return outcome;
    },
    [api],
  );

  const remove = useCallback(
    async (pet: Pet): Promise<Outcome<undefined>> => {
      const params = { path: { petId: pet.id } };
      const outcome = await callApi(() => api.DELETE('/pets/{petId}', { params }));
      if (outcome.ok || outcome.failure.kind === 'not-found') {
        dispatch({ kind: 'removed', id: pet.id });
        return { ok: true, data: undefined };
      }
      return outcome;
    },
    [api],
  );

  return { state, showType, reload, loadMore, add, buy, remove };
}
