import { petTypeValues } from '@petstore/api-contract/types';
import { expect, it } from 'vitest';
import { describePet, formatPrice, petTypeLabels } from '../../src/pets/pet-labels';

it('has a label for each pet type of the contract, and no other', () => {
  // Act / Assess
  expect(Object.keys(petTypeLabels).sort()).toEqual([...petTypeValues].sort());
});

it('writes prices in US dollars and names pets in messages', () => {
  // Act / Assess
  expect(formatPrice(1249.5)).toBe('$1,249.50');
  expect(formatPrice(0.99)).toBe('$0.99');
  expect(describePet({ type: 'gecko', price: 100000 })).toBe('the gecko for $100,000.00');
});
