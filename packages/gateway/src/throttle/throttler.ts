import type { MethodSettingModel, RouteModel } from '../template/model';
import { TokenBucket } from './token-bucket';

/** API Gateway's account-level defaults, used for whichever of rate or burst a setting leaves out. */
const accountDefaults = { rate: 10_000, burst: 5_000 };

/**
 * Stage throttling from `MethodSettings` (T1): each method gets its own token bucket, with the
 * most specific setting (resource and verb, then resource, then verb, then `/*` `*`).
 * A method no setting covers is not throttled.
 *
 * @example
 * const throttler = new Throttler(api.methodSettings, clock);
 * if (!throttler.admit(route)) // 429
 */
export class Throttler {
  private readonly buckets = new Map<RouteModel, TokenBucket | null>();

  constructor(
    private readonly settings: readonly MethodSettingModel[],
    private readonly now: () => number,
  ) {}

  admit(route: RouteModel): boolean {
    let bucket = this.buckets.get(route);
    if (bucket === undefined) {
      bucket = this.bucketFor(route);
      this.buckets.set(route, bucket);
    }
    return bucket === null || bucket.take();
  }

  private bucketFor(route: RouteModel): TokenBucket | null {
    const score = (setting: MethodSettingModel) => {
      const path =
        setting.resourcePath === '/*' ? 0 : setting.resourcePath === route.path ? 2 : -10;
      const method = setting.httpMethod === '*' ? 0 : setting.httpMethod === route.method ? 1 : -10;
      return path + method;
    };
    const applicable = this.settings
      .filter((setting) => score(setting) >= 0)
      .filter((setting) => setting.rateLimit !== undefined || setting.burstLimit !== undefined)
      .sort((a, b) => score(b) - score(a));
    const best = applicable[0];
    if (!best) return null;
    return new TokenBucket(
      best.rateLimit ?? accountDefaults.rate,
      best.burstLimit ?? accountDefaults.burst,
      this.now,
    );
  }
}
