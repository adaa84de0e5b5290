// The contract's price bounds (openapi.yaml `Price`, generated): US dollars.
import { priceLimits } from '@petstore/api-contract/price-limits';

/** Decimals a price may have: 2 for the contract's `multipleOf: 0.01`. */
const decimals = Math.round(Math.log10(Math.round(1 / priceLimits.multipleOf)));
const decimalsInWords =
  decimals === 1
    ? 'one decimal'
    : `${['no', 'one', 'two', 'three'][decimals] ?? decimals} decimals`;
// Trailing zeros do not count: `24.000` is 24, a price the contract accepts.
const withinDecimals = new RegExp(`^\\d+(\\.\\d{1,${decimals}}0*)?$`);

/**
 * An amount as the form shows it: `$0.01`, `$100,000`.
 *
 * @example
 * dollars(100_000) // '$100,000'
 */
export function dollars(amount: number): string {
  return `$${amount.toLocaleString('en-US', { maximumFractionDigits: decimals })}`;
}

/** The hint under the price field, from the contract's bounds. */
export const priceHint = `From ${dollars(priceLimits.minimum)} to ${dollars(priceLimits.maximum)}, cents allowed.`;

/**
 * What is wrong with a typed price, in plain words, or `undefined` when it is a valid price.
 *
 * @example
 * priceProblem('12.345') // 'Use at most two decimals, like 24.99.'
 * priceProblem('-5')     // 'A price cannot be negative: enter at least $0.01.'
 * priceProblem('24.99')  // undefined
 */
export function priceProblem(text: string): string | undefined {
  const typed = text.trim();
  if (typed === '') return 'Enter a price.';
  if (/^-\s*(\d+(\.\d*)?|\.\d+)$/.test(typed))
    return `A price cannot be negative: enter at least ${dollars(priceLimits.minimum)}.`;
  if (!/^\d+(\.\d+)?$/.test(typed)) return 'Enter the price as a number, like 24.99.';
  if (!withinDecimals.test(typed)) return `Use at most ${decimalsInWords}, like 24.99.`;
  const price = Number(typed);
  if (price < priceLimits.minimum)
    return `The price must be at least ${dollars(priceLimits.minimum)}.`;
  if (price > priceLimits.maximum)
    return `The price can be at most ${dollars(priceLimits.maximum)}.`;
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
