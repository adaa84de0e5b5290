import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { KeySource } from '../keys/key-source';
import { nextKeyExpiry, type SigningKeySet, withoutExpiredKeys } from '../keys/signing-key-set';

/** What the `keys` event reports after the published keys changed. */
export interface KeysChange {
  /** The key signing new tokens. */
  readonly signingKid: string;
  /** Every key in the JWKS, the signing one first. */
  readonly publishedKids: readonly string[];
}

interface Current {
  readonly keys: SigningKeySet;
  readonly provider: Provider;
  readonly callback: (req: IncomingMessage, res: ServerResponse) => void;
}

const kidsOf = (set: SigningKeySet) => set.keys.map((key) => key.kid);

/**
 * The provider instance behind the HTTP server, rebuilt whenever the signing keys change (a
 * rotation, or a retired key expiring), so rotations apply without a restart. Emits `keys`.
 */
export class LiveProvider extends EventEmitter<{ keys: [KeysChange] }> {
  #current: Current | undefined;
  #queue: Promise<unknown> = Promise.resolve();
  #expiryTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly build: (keys: SigningKeySet) => Provider,
    private readonly source: KeySource,
    private readonly retentionSeconds: number,
    private readonly now: () => number,
  ) {
    super();
  }

  get current(): Current {
    if (!this.#current) throw new Error('LiveProvider used before reload()');
    return this.#current;
  }

  /** Reads the keys from the source again and swaps the provider if they changed. */
  reload(): Promise<void> {
    return this.#serial(async () => this.#apply(await this.source.load()));
  }

  /** Rotates the keys at the source and swaps the provider; resolves with the new signing kid. */
  rotate(): Promise<string> {
    return this.#serial(async () => {
      const set = await this.source.rotate(this.now(), this.retentionSeconds);
      this.#apply(set);
      return this.current.keys.keys[0]?.kid ?? '';
    });
  }

  close(): void {
    clearTimeout(this.#expiryTimer);
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined);
    return run;
  }

  #apply(loaded: SigningKeySet): void {
    const keys = withoutExpiredKeys(loaded, this.now(), this.retentionSeconds);
    const unchanged = this.#current && kidsOf(this.#current.keys).join() === kidsOf(keys).join();
    if (!unchanged) {
      const provider = this.build(keys);
      this.#current = { keys, provider, callback: provider.callback() };
      const [signingKid = ''] = kidsOf(keys);
      this.emit('keys', { signingKid, publishedKids: kidsOf(keys) });
    }
    this.#scheduleExpiry(keys);
  }

  #scheduleExpiry(keys: SigningKeySet): void {
    clearTimeout(this.#expiryTimer);
    const expiresAt = nextKeyExpiry(keys, this.retentionSeconds);
    if (expiresAt === undefined) return;
    const delay = Math.max(0, expiresAt - this.now()) * 1000 + 1000;
    this.#expiryTimer = setTimeout(() => void this.#serial(async () => this.#apply(keys)), delay);
    this.#expiryTimer.unref();
  }
}
