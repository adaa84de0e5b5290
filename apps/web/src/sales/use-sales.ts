import type { Pet, PetType } from '@petstore/api-contract/types';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import type { ApiFailure } from '../api/api-failure';
import { callApi } from '../api/call-api';
import { type SalesFigures, salesFigures } from './sales-figures';

/** Pets per request while counting: the most the API gives at once. */
export const salesPageSize = 100;

/** Requests one count may make (2,000 pets); beyond that the figures say they are partial. */
export const salesPageLimit = 20;

/** The sales of one filter: being counted, counted (over how many pets), or why not. */
export type SalesState =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly figures: SalesFigures;
      readonly petsCounted: number;
      /** More pets than {@link salesPageLimit} pages hold: the figures cover the newest only. */
      readonly partial: boolean;
    }
  | { readonly status: 'failed'; readonly failure: ApiFailure };

/**
 * The sales among all pets of a type (or of all types), read a page at a time through the typed
 * client: the API has no sales endpoint, so every pet of the filter is read (at most
 * {@link salesPageLimit} pages of {@link salesPageSize}). Counted again when the filter or
 * `removals` changes and on `refresh`; a newer count cancels an older one.
 *
 * @example
 * const { state, refresh } = useSales('dog', 0);
 * if (state.status === 'ready') show(state.figures.count);
 */
export function useSales(
  type: PetType | undefined,
  removals: number,
): { state: SalesState; refresh: () => void } {
  const api = useApi();
  const [state, setState] = useState<SalesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // `removals` and `attempt` are in the dependencies to count again after a removal or a refresh.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    void (async () => {
      const pets: Pet[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < salesPageLimit; page++) {
        const query = {
          limit: salesPageSize,
          ...(type ? { type } : {}),
          ...(cursor ? { cursor } : {}),
        };
        const outcome = await callApi(() =>
          api.GET('/pets', { params: { query }, signal: controller.signal }),
        );
        if (controller.signal.aborted) return;
        if (!outcome.ok) return setState({ status: 'failed', failure: outcome.failure });
        pets.push(...outcome.data.items);
        cursor = outcome.data.nextCursor;
        if (!cursor) break;
      }
      const figures = salesFigures(pets);
      setState({ status: 'ready', figures, petsCounted: pets.length, partial: Boolean(cursor) });
    })();
    return () => controller.abort();
  }, [api, type, removals, attempt]);

  const refresh = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, refresh };
}
