import { createContractValidator } from '@petstore/api-contract/validate';
import { describe, expect, inject, it, vi } from 'vitest';
import { priceHint, priceProblem } from '../../src/pets/price-rules';

/** The contract, parsed by the global setup (test/support/contract-setup.ts). */
const isPrice = createContractValidator(inject('contract')).schema('Price');

// Whole parts around both bounds, and fractions of zero to three decimals.
const wholes = ['0', '1', '24', '99999', '100000', '100001'];
const fractions = ['', '.0', '.00', '.01', '.1', '.5', '.99', '.000', '.001', '.005', '.999'];
const typed = wholes.flatMap((whole) => fractions.map((fraction) => `${whole}${fraction}`));

describe("the SPA's price rules agree with the contract's Price", () => {
  it.each(typed)('%j: the form accepts it exactly when the contract does', (text) => {
    expect(priceProblem(text) === undefined).toBe(isPrice(Number(text)));
  });

  it("the hint states the contract's bounds", () => {
    expect(priceHint).toBe('From $0.01 to $100,000, cents allowed.');
  });
});

describe("the SPA's price rules take their bounds from the contract", () => {
  it('follow other limits when the generated module holds them', async () => {
    // Prepare: a contract whose Price is 1 to 10 in steps of 0.1
    vi.resetModules();
    vi.doMock('@petstore/api-contract/price-limits', () => ({
      priceLimits: { minimum: 1, maximum: 10, multipleOf: 0.1 },
    }));
    // Act
    const rules = await import('../../src/pets/price-rules');
    // Assess
    expect(['1', '1.5', '10', '10.0'].map(rules.priceProblem)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect(rules.priceProblem('1.25')).toBe('Use at most one decimal, like 24.99.');
    expect(rules.priceProblem('0.5')).toBe('The price must be at least $1.');
    expect(rules.priceProblem('10.1')).toBe('The price can be at most $10.');
    vi.doUnmock('@petstore/api-contract/price-limits');
  });
});
