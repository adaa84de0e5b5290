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

/**
 * The first of `count` ports in a row that were free a moment ago (for `--inspect`, whose
 * functions take a port each from the given one up).
 *
 * @example
 * const first = await freePortRange(8); // first .. first + 7 free
 */
export async function freePortRange(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const first = lowest + Math.floor(Math.random() * (12_000 - count));
    let free = true;
    for (let port = first; free && port < first + count; port += 1) {
      free = await portIsFree('127.0.0.1', port);
    }
    if (free) return first;
  }
  throw new Error(`No ${count} free ports in a row found from ${lowest}`);
}
