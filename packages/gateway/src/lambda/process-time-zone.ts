import { isMainThread } from 'node:worker_threads';
import { GatewayOptionsError } from '../errors';

// Node.js has one time zone per process, read by each worker thread when it starts: a `TZ` in a
// worker's own environment changes nothing. So the functions' time zone (AWS-BEHAVIOR.md F1:
// `:UTC` unless the template sets `TZ`) is set on the gateway's process before the first
// execution environment starts, and given back when the last runtime using it closes.

let holders = 0;
let held: string | undefined;
let previous: string | undefined;

/**
 * Sets the process's time zone to `timeZone` for as long as the returned release function has
 * not been called. Refuses a second, different time zone while one is held: the process can run
 * functions in one time zone only.
 *
 * @example
 * const release = holdProcessTimeZone(':UTC');
 * new Date(0).getHours(); // 0 in every function and in the gateway
 * release();
 */
export function holdProcessTimeZone(timeZone: string): () => void {
  if (holders > 0 && held !== timeZone) {
    throw new GatewayOptionsError(
      `The functions need the time zone ${timeZone}, but functions already running in this process use ${held}: Node.js has one time zone per process`,
    );
  }
  if (holders === 0) {
    if (!isMainThread && process.env.TZ !== timeZone) {
      throw new GatewayOptionsError(
        `The functions need the time zone ${timeZone}, which a worker thread cannot set: start the gateway on the main thread, or with TZ=${timeZone} in the environment`,
      );
    }
    previous = process.env.TZ;
    held = timeZone;
    process.env.TZ = timeZone;
  }
  holders += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders > 0) return;
    held = undefined;
    if (previous === undefined) delete process.env.TZ;
    else process.env.TZ = previous;
  };
}
