import type { Pet } from '@petstore/api-contract/types';
import { describe, expect, it } from 'vitest';
import { initialPetList, type PetListState, petListReducer } from '../../src/pets/pet-list-state';

function pet(id: string, overrides: Partial<Pet> = {}): Pet {
  return {
    id,
    type: 'cat',
    price: 10,
    isSold: false,
    createdAt: '2026-11-21T00:00:00Z',
    ...overrides,
  };
}

const ready: PetListState = {
  ...initialPetList,
  status: 'ready',
  pets: [pet('b'), pet('a')],
  nextCursor: 'next',
};

describe('petListReducer', () => {
  it('replaces the list with the first page and appends later pages without duplicates', () => {
    // Act
    const first = petListReducer(initialPetList, {
      kind: 'page',
      pets: [pet('b'), pet('a')],
      nextCursor: 'c1',
    });
    const asking = petListReducer(first, { kind: 'load-more' });
    const second = petListReducer(asking, {
      kind: 'page',
      pets: [pet('a'), pet('z')],
      nextCursor: undefined,
    });

    // Assess
    expect(first.pets.map((p) => p.id)).toEqual(['b', 'a']);
    expect(asking.status).toBe('loading-more');
    expect(second.pets.map((p) => p.id)).toEqual(['b', 'a', 'z']);
    expect(second.nextCursor).toBeUndefined();
    expect(second.status).toBe('ready');
  });

  it('starts over for a new type and keeps a failure next to what was loaded', () => {
    // Act
    const dogs = petListReducer(ready, { kind: 'load', type: 'dog' });
    const failed = petListReducer(petListReducer(ready, { kind: 'load-more' }), {
      kind: 'failed',
      failure: { kind: 'network' },
    });

    // Assess
    expect(dogs).toMatchObject({ type: 'dog', pets: [], status: 'loading', nextCursor: undefined });
    expect(failed).toMatchObject({
      status: 'ready',
      failure: { kind: 'network' },
      nextCursor: 'next',
    });
    expect(failed.pets).toHaveLength(2);
  });

  it('keeps a pet added while the first page was loading, before the page and only once', () => {
    // Prepare: the admin adds a pet before the first page (read before it existed) arrives
    const loading = petListReducer(initialPetList, { kind: 'added', pet: pet('new') });

    // Act
    const stale = petListReducer(loading, {
      kind: 'page',
      pets: [pet('b'), pet('a')],
      nextCursor: undefined,
    });
    const fresh = petListReducer(loading, {
      kind: 'page',
      pets: [pet('new'), pet('b')],
      nextCursor: undefined,
    });

    // Assess
    expect(stale.pets.map((p) => p.id)).toEqual(['new', 'b', 'a']);
    expect(fresh.pets.map((p) => p.id)).toEqual(['new', 'b']);
  });

  it('puts an added pet first when it matches the filter, and not otherwise', () => {
    // Act
    const all = petListReducer(ready, { kind: 'added', pet: pet('new', { type: 'dog' }) });
    const cats = petListReducer(
      { ...ready, type: 'cat' },
      { kind: 'added', pet: pet('new', { type: 'dog' }) },
    );

    // Assess
    expect(all.pets.map((p) => p.id)).toEqual(['new', 'b', 'a']);
    expect(cats.pets.map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('applies a purchase and a removal in place, and remembers pets someone else bought', () => {
    // Act
    const bought = petListReducer(ready, {
      kind: 'changed',
      pet: pet('a', { isSold: true, soldTo: { subject: 's', name: 'Bea' } }),
    });
    const removed = petListReducer(bought, { kind: 'removed', id: 'b' });
    const gone = petListReducer(removed, { kind: 'gone', id: 'a' });
    const reloaded = petListReducer(gone, { kind: 'load', type: undefined });

    // Assess
    expect(bought.pets[1]?.soldTo?.name).toBe('Bea');
    expect(removed.pets.map((p) => p.id)).toEqual(['a']);
    expect(gone.goneIds.has('a')).toBe(true);
    expect(reloaded.goneIds.has('a')).toBe(true);
  });
});
