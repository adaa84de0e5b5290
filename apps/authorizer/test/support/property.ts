import type { Parameters } from 'fast-check';

/**
 * fast-check's run options: a fixed seed when `CI` is set (a failure there replays
 * identically), a random one otherwise (fast-check prints it with any counterexample), and a
 * bounded number of runs either way.
 */
export function propertyRuns<T>(numRuns: number): Parameters<T> {
  return process.env.CI ? { numRuns, seed: 20_261_201 } : { numRuns };
}
