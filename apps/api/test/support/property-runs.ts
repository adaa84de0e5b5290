import type { Parameters } from 'fast-check';

/**
 * How property tests run: bounded, and with a fixed seed when `CI` is set (a failure in CI is
 * reproduced by running with `CI=true`); random locally, where fast-check prints the seed and
 * path of any counterexample.
 *
 * @example
 * await fc.assert(property, propertyRuns());
 */
export function propertyRuns<T>(numRuns = 40): Parameters<T> {
  return { numRuns, ...(process.env.CI ? { seed: 20_261_201 } : {}) };
}
