import { petTypeValues } from '@petstore/api-contract/types';
import { expect, it } from 'vitest';
import {
  describePet,
  describePetFirst,
  formatDay,
  formatMoment,
  formatPrice,
  petNumber,
  petTypeLabels,
} from '../../src/pets/pet-labels';

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

it('tells pets apart by the end of their id', () => {
  // Act / Assess
  expect(petNumber('0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a')).toBe('No. 0c1e2a');
  expect(petNumber('0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2b')).not.toBe(
    petNumber('0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a'),
  );
});

it('writes when a pet was listed as a day, and when it was sold as a day and a time', () => {
  // Act / Assess (noon UTC: the same day in every time zone from UTC-11 to UTC+11)
  expect(formatDay('2026-12-01T12:00:00Z')).toBe('Dec 1, 2026');
  expect(formatMoment('2026-12-01T12:00:00Z')).toMatch(/^Dec 1, 2026, \d{1,2}:\d{2}\s[AP]M$/);
});

it('names a pet at the start of a sentence', () => {
  // Act / Assess
  expect(describePetFirst({ type: 'cat', price: 124.99 })).toBe('The cat for $124.99');
});
