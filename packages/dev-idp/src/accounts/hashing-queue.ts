/** How many password hashes may run at once, and how many may wait for a turn. */
export interface HashingLimits {
  readonly maxConcurrent: number;
  readonly maxWaiting: number;
}

/** Too many password checks are waiting already: the sign-in is refused, try again soon. */
export class HashingBusyError extends Error {
  override readonly name = 'HashingBusyError';
  readonly code = 'DEV_IDP_HASHING_BUSY';
}

/**
 * A small queue for the password hashing work (scrypt: tens of milliseconds of a CPU and 32 MiB
 * each). At most `maxConcurrent` run at once, so a burst of sign-ins cannot take every core (and
 * libuv's thread pool, which token signing and file reads share) from the token endpoint; at most
 * `maxWaiting` wait, beyond that a check is refused at once instead of queueing without bound.
 *
 * @example
 * const queue = new HashingQueue({ maxConcurrent: 2, maxWaiting: 32 });
 * const ok = await queue.run(() => verifyPassword(password, stored));
 */
export class HashingQueue {
  readonly #waiting: (() => void)[] = [];
  #running = 0;
  #peak = 0;

  constructor(readonly limits: HashingLimits) {}

  /** Checks running now. */
  get running(): number {
    return this.#running;
  }

  /** The most checks that ever ran at once. */
  get peakRunning(): number {
    return this.#peak;
  }

  /**
   * Runs `task` when a slot is free.
   *
   * @throws {HashingBusyError} when `maxWaiting` tasks are waiting already.
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.#running >= this.limits.maxConcurrent) {
      if (this.#waiting.length >= this.limits.maxWaiting) {
        throw new HashingBusyError('Too many password checks are waiting.');
      }
      // A finishing task hands its slot over: `running` already counts this one.
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    } else {
      this.#running += 1;
    }
    this.#peak = Math.max(this.#peak, this.#running);
    try {
      return await task();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#running -= 1;
    }
  }
}
