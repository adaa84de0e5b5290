import type { QuotaModel } from '../template/model';

const dayMs = 86_400_000;

/**
 * The start (ms since the epoch) of the quota period holding `now`, in UTC: a `DAY` starts at
 * midnight, a `WEEK` on Sunday at midnight, a `MONTH` on its first day at midnight (K5: where
 * AWS starts a period is unconfirmed; these are calendar periods in UTC).
 *
 * @example
 * quotaWindow('DAY', Date.UTC(2026, 0, 7, 15)) // Date.UTC(2026, 0, 7)
 * quotaWindow('WEEK', Date.UTC(2026, 0, 7, 15)) // Date.UTC(2026, 0, 4), a Sunday
 */
export function quotaWindow(period: QuotaModel['period'], now: number): number {
  const day = Math.floor(now / dayMs) * dayMs;
  if (period === 'DAY') return day;
  if (period === 'WEEK') return day - new Date(day).getUTCDay() * dayMs;
  const date = new Date(day);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

/**
 * A key's requests in a plan's quota periods: `Limit` per period, less `Offset` in the first
 * one (the period the gateway started in), counted on the gateway's clock.
 *
 * @example
 * const counter = new QuotaCounter({ limit: 2, period: 'DAY', offset: 0 }, clock);
 * counter.take(); counter.take(); counter.take() // true, true, false until the next day
 */
export class QuotaCounter {
  private readonly firstWindow: number;
  private window: number;
  private used = 0;

  constructor(
    private readonly quota: QuotaModel,
    private readonly now: () => number,
  ) {
    this.firstWindow = quotaWindow(quota.period, now());
    this.window = this.firstWindow;
  }

  /** Counts one request if the period has room for it. */
  take(): boolean {
    const window = quotaWindow(this.quota.period, this.now());
    if (window !== this.window) {
      this.window = window;
      this.used = 0;
    }
    const limit = this.quota.limit - (window === this.firstWindow ? this.quota.offset : 0);
    if (this.used >= limit) return false;
    this.used += 1;
    return true;
  }
}
