/**
 * This file was generated from openapi.yaml by scripts/generate-operations.ts.
 * Do not make direct changes to the file: run `pnpm generate`.
 */

/** The contract's `Price`: US dollars, from `minimum` to `maximum`, in steps of `multipleOf`. */
export const priceLimits = {"minimum":0.01,"maximum":100000,"multipleOf":0.01} as const;
