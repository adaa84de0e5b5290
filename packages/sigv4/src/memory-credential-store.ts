import type { CredentialStore, TemporaryCredentials } from './credentials';

export interface MemoryCredentialStoreOptions {
  /** Epoch milliseconds; default `Date.now`. */
  readonly clock?: () => number;
  /**
   * How long expired credentials are still found (so that a verifier answers "expired", not
   * "unknown"), in ms. Default one hour.
   */
  readonly retainExpiredMs?: number;
  /** At most this many credentials are kept; the oldest issued go first. Default 10 000. */
  readonly maxEntries?: number;
}

/**
 * Issued credentials in memory, by access key id (a `Map`: ids come from clients), for the local
 * STS to keep what it issued and for tests of the gateway. It ages them out and bounds its size:
 * `find` still returns expired ones for
 * `retainExpiredMs` (the caller compares `expiresAt` with its own clock); after that, and beyond
 * `maxEntries`, they are forgotten.
 *
 * @example
 * const store = new MemoryCredentialStore({ clock: Date.now });
 * store.add(credentials);
 * store.find(credentials.accessKeyId)?.session.assumedRoleArn
 */
export class MemoryCredentialStore implements CredentialStore {
  readonly #byKey = new Map<string, TemporaryCredentials>();
  readonly #clock: () => number;
  readonly #retainExpiredMs: number;
  readonly #maxEntries: number;
  #lastSweep = Number.NEGATIVE_INFINITY;

  constructor(options: MemoryCredentialStoreOptions = {}) {
    this.#clock = options.clock ?? Date.now;
    this.#retainExpiredMs = options.retainExpiredMs ?? 3_600_000;
    this.#maxEntries = options.maxEntries ?? 10_000;
    if (!(this.#maxEntries >= 1)) throw new RangeError('maxEntries must be at least 1');
  }

  /** How many credentials are kept now. */
  get size(): number {
    return this.#byKey.size;
  }

  /**
   * Keeps newly issued credentials (forgetting stale and, when full, the oldest ones).
   *
   * @example
   * store.add(issueCredentials(session, 3600, Date.now()))
   */
  add(credentials: TemporaryCredentials): void {
    const now = this.#clock();
    if (now - this.#lastSweep >= 60_000 || this.#byKey.size >= this.#maxEntries) this.#sweep(now);
    while (this.#byKey.size >= this.#maxEntries) {
      const oldest = this.#byKey.keys().next();
      if (oldest.done) break;
      this.#byKey.delete(oldest.value);
    }
    this.#byKey.set(credentials.accessKeyId, credentials);
  }

  /**
   * The credentials issued with this access key id, expired ones included while retained.
   *
   * @example
   * const found = store.find('ASIA...'); // undefined: never issued, or forgotten
   */
  find(accessKeyId: string): TemporaryCredentials | undefined {
    const found = this.#byKey.get(accessKeyId);
    if (found && this.#isStale(found, this.#clock())) {
      this.#byKey.delete(accessKeyId);
      return undefined;
    }
    return found;
  }

  #isStale(credentials: TemporaryCredentials, now: number): boolean {
    return now >= credentials.expiresAt + this.#retainExpiredMs;
  }

  #sweep(now: number): void {
    this.#lastSweep = now;
    for (const [key, credentials] of this.#byKey) {
      if (this.#isStale(credentials, now)) this.#byKey.delete(key);
    }
  }
}
