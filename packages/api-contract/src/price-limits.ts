export type { PriceLimits } from './derive-price-limits';
/**
 * The contract's `Price` bounds (`minimum`, `maximum`, `multipleOf`), generated from
 * openapi.yaml: the one definition the domain's schema and the SPA's form rules use.
 */
export { priceLimits } from './generated/price-limits';
