import type { AuthorizerOutput } from './authorizer-output';

interface Entry {
  readonly output: AuthorizerOutput;
  readonly expiresAt: number;
}

/**
 * API Gateway's authorizer result cache (A9): keyed by authorizer and token only, so a result
 * is reused for every method and path until its TTL ends. `now` is the gateway's clock.
 *
 * @example
 * const cache = new AuthorizerCache(() => Date.now());
 * cache.set('Jwt', token, output, 300);
 * cache.get('Jwt', token) // output, for 300 s
 */
export class AuthorizerCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly now: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  get(authorizer: string, token: string): AuthorizerOutput | undefined {
    const key = `${authorizer}\u0000${token}`;
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() < entry.expiresAt) return entry.output;
    this.entries.delete(key);
    return undefined;
  }

  set(authorizer: string, token: string, output: AuthorizerOutput, ttlSeconds: number): void {
    if (ttlSeconds <= 0) return;
    if (this.entries.size >= this.maxEntries) this.evictExpired();
    if (this.entries.size >= this.maxEntries)
      this.entries.delete(this.entries.keys().next().value ?? '');
    this.entries.set(`${authorizer}\u0000${token}`, {
      output,
      expiresAt: this.now() + ttlSeconds * 1000,
    });
  }

  private evictExpired(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}
