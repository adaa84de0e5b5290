import { type GatewayRequest, headerValues } from '../http/gateway-request';
import type { GatewayLogger } from '../logger';
import { type GatewayError, gatewayErrors } from '../responses/gateway-errors';
import type {
  ApiKeyModel,
  ApiModel,
  RouteModel,
  ThrottleModel,
  UsagePlanModel,
} from '../template/model';
import { TokenBucket } from '../throttle/token-bucket';
import { QuotaCounter } from './quota-window';

/** The API key a request was admitted with (`requestContext.identity.apiKey` / `apiKeyId`). */
export interface AdmittedKey {
  readonly value: string;
  readonly key: ApiKeyModel;
  readonly plan: UsagePlanModel;
}

export type KeyDecision =
  | { readonly allowed: true; readonly key: AdmittedKey | undefined }
  | { readonly allowed: false; readonly error: GatewayError };

/**
 * The token buckets and quota counters of every key, shared by the gateway's APIs: a plan that
 * holds several stages meters a key across all of them (K5, K6; the stricter reading).
 *
 * @example
 * const meters = new UsageMeters(clock);
 * new UsagePlanGate(api, values, meters, logger);
 */
export class UsageMeters {
  readonly buckets = new Map<string, TokenBucket>();
  readonly quotas = new Map<string, QuotaCounter>();
  constructor(readonly now: () => number) {}
}

/**
 * API keys and usage plans of one API stage (K1-K6): a method that requires a key admits a
 * request whose key (the `x-api-key` header, or the authorizer's `usageIdentifierKey` with
 * `ApiKeySourceType: AUTHORIZER`) is an enabled key of a usage plan on this stage; then the
 * plan's throttle for that key (a token bucket per key, per method when `ApiStages[].Throttle`
 * names it) and its quota, on the gateway's clock. Refusals are AWS's quiet answers; the log
 * names the key by its logical id, never by its value.
 *
 * @example
 * const gate = new UsagePlanGate(api, values, clock, logger);
 * const decision = gate.admit(route, request, authorizerOutput?.usageIdentifierKey);
 * if (!decision.allowed) // 403 Forbidden, or 429
 */
export class UsagePlanGate {
  private readonly byValue = new Map<string, { key: ApiKeyModel; plan: UsagePlanModel }>();
  constructor(
    private readonly api: ApiModel,
    values: ReadonlyMap<string, string>,
    private readonly meters: UsageMeters,
    private readonly logger: GatewayLogger,
  ) {
    for (const plan of api.usagePlans) {
      for (const key of plan.keys) {
        const value = values.get(key.logicalId);
        if (value !== undefined) this.byValue.set(value, { key, plan });
      }
    }
  }

  admit(
    route: RouteModel,
    request: GatewayRequest,
    fromAuthorizer: string | undefined,
  ): KeyDecision {
    if (!route.apiKeyRequired) return { allowed: true, key: undefined };
    const stage = `${this.api.apiId}/${this.api.stageName}`;
    const refuse = (why: string): KeyDecision => {
      this.logger.warn(
        `API key (${request.requestId}) for ${route.method} ${route.path} on ${stage}: ${why}: Forbidden`,
      );
      return { allowed: false, error: gatewayErrors.invalidApiKey() };
    };
    let value: string | undefined;
    if (this.api.apiKeySource === 'AUTHORIZER') {
      value = fromAuthorizer;
      if (value === undefined) return refuse('the authorizer returned no usageIdentifierKey');
    } else {
      const sent = headerValues(request, 'x-api-key');
      if (sent.length > 1) return refuse(`x-api-key sent ${sent.length} times`);
      value = sent[0];
      if (!value) return refuse('no x-api-key header');
    }
    const found = this.byValue.get(value);
    if (!found) return refuse('a key that no usage plan of this stage holds');
    const { key, plan } = found;
    if (!key.enabled) return refuse(`key ${key.logicalId} is disabled`);
    const routeKey = `${route.method} ${route.path}`;
    const methodThrottle = plan.methodThrottles.get(routeKey);
    const throttle = methodThrottle ?? plan.throttle;
    const bucket = this.bucket(
      `${plan.logicalId}\u0000${key.logicalId}${methodThrottle ? `\u0000${this.api.apiId}\u0000${routeKey}` : ''}`,
      throttle,
    );
    if (bucket && !bucket.take()) {
      this.logger.warn(
        `API key ${key.logicalId} (${request.requestId}) exceeded throttle limit for API stage ${stage}: key throttle limit exceeded for usage plan ${plan.name}, ${routeKey}. Limit: ${throttle?.rateLimit} Burst: ${throttle?.burstLimit}`,
      );
      return { allowed: false, error: gatewayErrors.throttled() };
    }
    if (plan.quota) {
      const counterId = `${plan.logicalId}\u0000${key.logicalId}`;
      let counter = this.meters.quotas.get(counterId);
      if (!counter) {
        counter = new QuotaCounter(plan.quota, this.meters.now);
        this.meters.quotas.set(counterId, counter);
      }
      if (!counter.take()) {
        this.logger.warn(
          `API key ${key.logicalId} (${request.requestId}) exceeded quota limit for API stage ${stage}: key quota exhausted for usage plan ${plan.name}. Limit: ${plan.quota.limit} Period: ${plan.quota.period}`,
        );
        return { allowed: false, error: gatewayErrors.quotaExceeded() };
      }
    }
    return { allowed: true, key: { value, key, plan } };
  }

  /** The token bucket of a key (per method when the plan throttles the method); `null`: no throttle. */
  private bucket(id: string, throttle: ThrottleModel | undefined): TokenBucket | undefined {
    if (!throttle) return undefined;
    let bucket = this.meters.buckets.get(id);
    if (!bucket) {
      bucket = new TokenBucket(throttle.rateLimit, throttle.burstLimit, this.meters.now);
      this.meters.buckets.set(id, bucket);
    }
    return bucket;
  }
}
