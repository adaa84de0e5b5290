import { describe, expect, it } from 'vitest';
import { derivePriceLimits } from '../src/derive-price-limits';
import { loadContract } from '../src/document';
import { priceLimits } from '../src/price-limits';

describe('the price limits', () => {
  it("are the contract's Price today (generated file is fresh)", () => {
    expect(priceLimits).toEqual(derivePriceLimits(loadContract()));
    expect(priceLimits).toEqual({ minimum: 0.01, maximum: 100_000, multipleOf: 0.01 });
  });

  it.each([
    ['no Price', {}, /Price is missing/],
    ['no maximum', { minimum: 0.01, multipleOf: 0.01 }, /Price\.maximum/],
    ['a text minimum', { minimum: '0.01', maximum: 1, multipleOf: 0.01 }, /Price\.minimum/],
    ['a zero step', { minimum: 0.01, maximum: 1, multipleOf: 0 }, /Price\.multipleOf/],
    ['minimum above maximum', { minimum: 2, maximum: 1, multipleOf: 0.01 }, /above maximum/],
  ])('are not generated from a contract with %s', (_, price, problem) => {
    const schemas = Object.keys(price).length === 0 ? {} : { Price: price };
    expect(() => derivePriceLimits({ components: { schemas } })).toThrow(problem);
  });
});
