import { describe, expect, it } from 'vitest';
import { parsePrice, priceProblem } from '../../src/pets/price-rules';

describe('priceProblem', () => {
  it.each([
    ['', 'Enter a price.'],
    ['   ', 'Enter a price.'],
    ['abc', 'Enter the price as a number, like 24.99.'],
    ['-5', 'A price cannot be negative: enter at least $0.01.'],
    ['-249.99', 'A price cannot be negative: enter at least $0.01.'],
    ['- 5', 'A price cannot be negative: enter at least $0.01.'],
    ['-.5', 'A price cannot be negative: enter at least $0.01.'],
    ['-abc', 'Enter the price as a number, like 24.99.'],
    ['--5', 'Enter the price as a number, like 24.99.'],
    ['1e3', 'Enter the price as a number, like 24.99.'],
    ['.5', 'Enter the price as a number, like 24.99.'],
    ['12.345', 'Use at most two decimals, like 24.99.'],
    ['0', 'The price must be at least $0.01.'],
    ['0.00', 'The price must be at least $0.01.'],
    ['100000.01', 'The price can be at most $100,000.'],
  ])('refuses %j: %s', (typed, message) => {
    // Act / Assess
    expect(priceProblem(typed)).toBe(message);
  });

  it.each(['0.01', '1', '24.9', '24.99', ' 249.99 ', '24.000', '100000', '100000.00'])(
    'accepts %j',
    (typed) => {
      // Act / Assess
      expect(priceProblem(typed)).toBeUndefined();
    },
  );
});

it('parsePrice turns accepted text into the number the API takes', () => {
  // Act / Assess
  expect(parsePrice(' 24.90 ')).toBe(24.9);
});
