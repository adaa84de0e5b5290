/** How many failed sign-ins one key (an email, a client address) may make, and what follows. */
export interface ThrottleRule {
  /** Failed sign-ins allowed within the window; the one that reaches it starts the lockout. */
  readonly maxFailures: number;
  /** The sliding window failures are counted in. */
  readonly windowSeconds: number;
  /** How long every sign-in of that key is refused, even with the right password. */
  readonly lockoutSeconds: number;
}

/** The two limits: per account (the email typed, known or not) and per client address. */
export interface SignInLimits {
  readonly perAccount: ThrottleRule;
  readonly perAddress: ThrottleRule;
}

/** Which limit refused a sign-in, and for how long still. */
export interface Lockout {
  readonly scope: 'account' | 'address';
  readonly retryAfterSeconds: number;
}

/** A sign-in let through: report how it ended with {@link SignInThrottle.succeeded}. */
export interface Attempt {
  readonly account: string;
  readonly address: string;
  readonly at: number;
}

interface Entry {
  /** When the failures still in the window happened (attempts in flight count as failures). */
  failures: number[];
  lockedUntil: number | undefined;
}

/** Past this many keys, entries whose failures and lockout are over are dropped. */
const pruneAbove = 10_000;

/** One limit's counts, keyed by email or address (client-chosen, so a Map). */
class Counter {
  readonly #entries = new Map<string, Entry>();

  constructor(
    private readonly rule: ThrottleRule,
    private readonly scope: Lockout['scope'],
  ) {}

  lockout(key: string, now: number): Lockout | undefined {
    const entry = this.#current(key, now);
    if (entry?.lockedUntil === undefined) return undefined;
    return { scope: this.scope, retryAfterSeconds: entry.lockedUntil - now };
  }

  record(key: string, now: number): void {
    if (this.#entries.size > pruneAbove) this.#prune(now);
    const entry = this.#current(key, now) ?? { failures: [], lockedUntil: undefined };
    entry.failures.push(now);
    if (entry.failures.length >= this.rule.maxFailures) {
      entry.lockedUntil = now + this.rule.lockoutSeconds;
    }
    this.#entries.set(key, entry);
  }

  /** Takes one attempt back (it succeeded), lifting a lockout it had started. */
  takeBack(key: string, at: number): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    const index = entry.failures.indexOf(at);
    if (index >= 0) entry.failures.splice(index, 1);
    if (entry.failures.length < this.rule.maxFailures) entry.lockedUntil = undefined;
  }

  reset(key: string): void {
    this.#entries.delete(key);
  }

  /** The entry with failures outside the window dropped; a lockout that is over starts afresh. */
  #current(key: string, now: number): Entry | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (entry.lockedUntil !== undefined && entry.lockedUntil <= now) {
      this.#entries.delete(key);
      return undefined;
    }
    entry.failures = entry.failures.filter((at) => at > now - this.rule.windowSeconds);
    return entry;
  }

  #prune(now: number): void {
    for (const key of [...this.#entries.keys()]) {
      const entry = this.#current(key, now);
      if (entry && entry.failures.length === 0 && entry.lockedUntil === undefined) {
        this.#entries.delete(key);
      }
    }
  }
}

const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Limits password guessing on the database connection, per account and per client address.
 * An attempt counts as a failure from the moment it starts, so parallel guesses cannot slip
 * past the limit while their hashes are being checked; a success takes it back and resets the
 * account's count (not the address's: signing in to one's own account does not buy guesses
 * at others). Unknown emails are counted like known ones, so a lockout says nothing about
 * which emails exist.
 *
 * @example
 * const throttle = new SignInThrottle(devIdpDefaults.signInLimits, () => Date.now() / 1000);
 * const started = throttle.begin('ada@petstore.local', '127.0.0.1');
 * if ('scope' in started) refuse(started.retryAfterSeconds); else if (ok) throttle.succeeded(started);
 */
export class SignInThrottle {
  readonly #accounts: Counter;
  readonly #addresses: Counter;

  constructor(
    limits: SignInLimits,
    private readonly now: () => number,
  ) {
    this.#accounts = new Counter(limits.perAccount, 'account');
    this.#addresses = new Counter(limits.perAddress, 'address');
  }

  /** Starts a sign-in: the lockout refusing it, or the attempt (counted as a failure until it succeeds). */
  begin(email: string, address: string): Attempt | Lockout {
    const at = this.now();
    const account = normalizeEmail(email);
    const refused = this.#accounts.lockout(account, at) ?? this.#addresses.lockout(address, at);
    if (refused) return refused;
    this.#accounts.record(account, at);
    this.#addresses.record(address, at);
    return { account, address, at };
  }

  /** The attempt's password was right: the account starts afresh. */
  succeeded(attempt: Attempt): void {
    this.#accounts.reset(attempt.account);
    this.#addresses.takeBack(attempt.address, attempt.at);
  }
}
