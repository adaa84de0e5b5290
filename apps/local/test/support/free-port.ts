import { portIsFree } from '../../src/config/assert-ports-free';

// Below Linux's ephemeral range (32768-60999): the outgoing connections of other tests never take
// these ports, so one stays free between a stack's stop and its restart on the same ports.
const lowest = 20_000;
const count = 12_000;

/**
 * A port that was free a moment ago on 127.0.0.1, chosen outside the ephemeral range, for stacks
 * whose ports must still be free when they are started again.
 *
 * @example
 * const port = await freePort();
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = lowest + Math.floor(Math.random() * count);
    if (await portIsFree('127.0.0.1', port)) return port;
  }
  throw new Error(`No free port found between ${lowest} and ${lowest + count - 1}`);
}
