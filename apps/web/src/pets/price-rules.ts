/** The contract's price bounds (openapi.yaml `Price`): US dollars, cents at most. */
export const priceLimits = { min: 0.01, max: 100_000 } as const;

/**
 * What is wrong with a typed price, in plain words, or `undefined` when it is a valid price.
 *
 * @example
 * priceProblem('12.345') // 'Use at most two decimals, like 24.99.'
 * priceProblem('24.99')  // undefined
 */
export function priceProblem(text: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return 'Enter a price.';
  if (!/^\d+(\.\d+)?$/.test(typed)) return 'Enter the price as a number, like 24.99.';
  if (!/^\d+(\.\d{1,2})?$/.test(typed)) return 'Use at most two decimals, like 24.99.';
  const price = Number(typed);
  if (price < priceLimits.min) return 'The price must be more than $0.';
  if (price > priceLimits.max) return 'The price can be at most $100,000.';
  return undefined;
}

/**
 * The price as the API takes it (a number), from text that passed {@link priceProblem}.
 *
 * @example
 * parsePrice(' 24.90 ') // 24.9
 */
export function parsePrice(text: string): number {
  return Number(text.trim());
}
