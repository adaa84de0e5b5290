import { describe, expect, it, vi } from 'vitest';

describe("the domain's price schema takes its bounds from the contract", () => {
  it('follows other limits when the generated module holds them', async () => {
    // Prepare: a contract whose Price is 1 to 10 in steps of 0.5
    vi.resetModules();
    vi.doMock('@petstore/api-contract/price-limits', () => ({
      priceLimits: { minimum: 1, maximum: 10, multipleOf: 0.5 },
    }));
    // Act
    const { priceSchema } = await import('../src/schemas');
    const accepts = (price: number) => priceSchema.safeParse(price).success;
    // Assess
    expect([1, 1.5, 9.5, 10].map(accepts)).toEqual([true, true, true, true]);
    expect([0.5, 1.25, 10.5, 0.01].map(accepts)).toEqual([false, false, false, false]);
    vi.doUnmock('@petstore/api-contract/price-limits');
  });
});
