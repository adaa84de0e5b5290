import type { Pet } from '@petstore/api-contract/types';
import { useEffect, useRef } from 'react';
import type { Outcome } from '../api/call-api';
import { InlineError } from '../ui/inline-error';
import { PetCard } from './pet-card';
import { petTypeLabels } from './pet-labels';
import type { PetList } from './use-pet-list';

export interface PetGridProps {
  readonly list: PetList;
  readonly canBuy: boolean;
  readonly canRemove: boolean;
  readonly seesBuyers: boolean;
  readonly mySubject: string | undefined;
  /** Buys a pet (the list's `buy`, with what the page does first). */
  readonly onBuy: (pet: Pet) => Promise<Outcome<Pet>>;
  readonly onBought: (pet: Pet) => void;
  readonly onRemove: (pet: Pet, opener: HTMLButtonElement) => void;
}

/**
 * The list's states: loading, failed (with Try again), empty, or the pets with "Load more".
 * After "Load more", focus moves to the first pet of the new page.
 *
 * @example
 * <PetGrid list={usePetList(undefined)} canBuy canRemove={false} seesBuyers={false}
 *   mySubject={me.subject} onBuy={list.buy} onBought={announce} onRemove={askToRemove} />
 */
export function PetGrid(props: PetGridProps) {
  const { list, canBuy, canRemove, seesBuyers, mySubject, onBuy, onBought, onRemove } = props;
  const { state } = list;
  const countBefore = useRef<number | undefined>(undefined);
  const grid = useRef<HTMLUListElement>(null);

  useEffect(() => {
    const before = countBefore.current;
    if (state.status !== 'ready' || before === undefined) return;
    countBefore.current = undefined;
    const first = state.pets[before];
    if (!first) return;
    grid.current?.querySelector<HTMLElement>(`[data-pet-id="${first.id}"] .pet-status`)?.focus();
  }, [state.status, state.pets]);

  if (state.status === 'loading') {
    return (
      <p className="list-message" role="status">
        <span className="spinner" aria-hidden="true" />
        Loading pets…
      </p>
    );
  }
  if (state.failure && state.pets.length === 0) {
    return <InlineError failure={state.failure} onRetry={list.reload} />;
  }
  if (state.pets.length === 0) {
    const what = state.type ? petTypeLabels[state.type].many.toLowerCase() : 'pets';
    return (
      <div className="empty">
        <p className="empty-title">No {what} in the store right now.</p>
        <p>{state.type ? 'Try another type, or all pets.' : 'New pets will show up here.'}</p>
      </div>
    );
  }
  return (
    <>
      <ul className="pet-grid" ref={grid} aria-label="Pets">
        {state.pets.map((pet) => (
          <li key={pet.id} data-pet-id={pet.id}>
            <PetCard
              pet={pet}
              gone={state.goneIds.has(pet.id)}
              canBuy={canBuy}
              canRemove={canRemove}
              seesBuyers={seesBuyers}
              mySubject={mySubject}
              onBuy={onBuy}
              onBought={onBought}
              onRemove={onRemove}
            />
          </li>
        ))}
      </ul>
      <div className="list-footer">
        {state.failure && <InlineError failure={state.failure} onRetry={list.loadMore} />}
        {state.nextCursor && !state.failure && (
          <button
            type="button"
            className="button"
            aria-disabled={state.status === 'loading-more'}
            onClick={() => {
              if (state.status === 'loading-more') return;
              countBefore.current = state.pets.length;
              list.loadMore();
            }}
          >
            {state.status === 'loading-more' ? 'Loading more pets…' : 'Load more pets'}
          </button>
        )}
        {!state.nextCursor && (
          <p className="list-end">
            {state.pets.length === 1
              ? 'That is the only pet here.'
              : `All ${state.pets.length} pets shown.`}
          </p>
        )}
      </div>
    </>
  );
}
