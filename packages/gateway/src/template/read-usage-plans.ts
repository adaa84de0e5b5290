import { isRecord, type RawResource } from './load-template';
import { localApiId } from './local-identity';
import type { ApiKeyModel, ApiModel, QuotaModel, ThrottleModel, UsagePlanModel } from './model';
import { type ReadContext, resolveProperty } from './resolve-property';
import { expandSamUsagePlans } from './sam-usage-plan';

type Resources = readonly (readonly [string, RawResource])[];

const keyProperties = new Set([
  'Value',
  'Enabled',
  'Name',
  'StageKeys',
  'Description',
  'CustomerId',
  'GenerateDistinctId',
  'Tags',
]);
const planProperties = new Set([
  'ApiStages',
  'Throttle',
  'Quota',
  'UsagePlanName',
  'Description',
  'Tags',
]);
const planKeyProperties = new Set(['KeyId', 'KeyType', 'UsagePlanId']);
const stageProperties = new Set(['ApiId', 'Stage', 'Throttle']);
const periods = new Set(['DAY', 'WEEK', 'MONTH']);

/** A plan as read, before it is tied to the served APIs. */
interface PlanRead {
  readonly logicalId: string;
  readonly name: string;
  readonly throttle: ThrottleModel | undefined;
  readonly quota: QuotaModel | undefined;
  readonly stages: readonly {
    readonly apiId: string;
    readonly stage: string;
    readonly methods: ReadonlyMap<string, ThrottleModel>;
    readonly where: string;
  }[];
}

/**
 * Reads `AWS::ApiGateway::ApiKey`, `UsagePlan` and `UsagePlanKey` (and SAM's `Auth.UsagePlan`,
 * expanded as SAM does) and gives each served API the plans on its stage (K4-K7), each with its
 * keys. Whatever of them the gateway cannot emulate is an error, never ignored: a key, plan or
 * API outside the template, a `KeyType` other than `API_KEY`, a property it does not know, a
 * throttle or quota it cannot read, a method throttle for a route the API does not have.
 *
 * @example
 * const plans = readUsagePlans(resources, template.Globals?.Api, apis, context);
 * plans.get('PartnerApi')?.[0]?.quota // { limit: 1000, period: 'DAY', offset: 0 }
 */
export function readUsagePlans(
  resources: Resources,
  globals: Readonly<Record<string, unknown>> | undefined,
  apis: readonly ApiModel[],
  context: ReadContext,
): Map<string, UsagePlanModel[]> {
  const implicit = apis.some((api) => api.logicalId === 'ServerlessRestApi')
    ? ['ServerlessRestApi']
    : [];
  const all = [...resources, ...expandSamUsagePlans(resources, globals, implicit, context)];
  const apiIds = new Map<string, string>(
    [
      ...implicit,
      ...resources
        .filter(
          ([, r]) => r.Type === 'AWS::Serverless::Api' || r.Type === 'AWS::ApiGateway::RestApi',
        )
        .map(([id]) => id),
    ].map((id) => [localApiId(id), id]),
  );
  const keys = new Map<string, ApiKeyModel>();
  for (const [id, resource] of all.filter(([, r]) => r.Type === 'AWS::ApiGateway::ApiKey'))
    keys.set(id, readKey(id, resource, context));
  const plans = new Map<string, PlanRead>();
  for (const [id, resource] of all.filter(([, r]) => r.Type === 'AWS::ApiGateway::UsagePlan'))
    plans.set(id, readPlan(id, resource, apiIds, context));
  const planKeys = new Map<string, ApiKeyModel[]>();
  for (const [id, resource] of all.filter(([, r]) => r.Type === 'AWS::ApiGateway::UsagePlanKey')) {
    const where = `UsagePlanKey ${id}`;
    const properties = propertiesOf(resource, planKeyProperties, where, context);
    if (properties.KeyType !== 'API_KEY')
      context.diagnostics.error(`${where}.KeyType`, 'must be API_KEY');
    const keyId = logicalIdOf(properties.KeyId, `${where}.KeyId`, context);
    const planId = logicalIdOf(properties.UsagePlanId, `${where}.UsagePlanId`, context);
    const key = keyId === undefined ? undefined : keys.get(keyId);
    if (keyId !== undefined && !key)
      context.diagnostics.error(
        `${where}.KeyId`,
        `${keyId} is not an AWS::ApiGateway::ApiKey of this template`,
      );
    if (planId !== undefined && !plans.has(planId))
      context.diagnostics.error(
        `${where}.UsagePlanId`,
        `${planId} is not an AWS::ApiGateway::UsagePlan of this template`,
      );
    if (!key || planId === undefined) continue;
    const list = planKeys.get(planId) ?? [];
    if (!list.includes(key)) list.push(key);
    planKeys.set(planId, list);
  }

  const byApi = new Map<string, UsagePlanModel[]>();
  for (const api of apis) {
    const routes = new Set(api.routes.map((route) => `${route.method} ${route.path}`));
    const own: UsagePlanModel[] = [];
    for (const plan of plans.values()) {
      const stage = plan.stages.find((s) => s.apiId === api.apiId && s.stage === api.stageName);
      if (!stage) continue;
      for (const route of stage.methods.keys()) {
        if (!routes.has(route))
          context.diagnostics.error(
            stage.where,
            `throttles ${route}, which Api ${api.logicalId} does not have`,
          );
      }
      own.push({
        logicalId: plan.logicalId,
        name: plan.name,
        throttle: plan.throttle,
        methodThrottles: stage.methods,
        quota: plan.quota,
        keys: planKeys.get(plan.logicalId) ?? [],
      });
    }
    const seen = new Map<string, string>();
    for (const plan of own) {
      for (const key of plan.keys) {
        const other = seen.get(key.logicalId);
        if (other)
          context.diagnostics.error(
            `ApiKey ${key.logicalId}`,
            `is in two usage plans of Api ${api.logicalId} stage ${api.stageName} (${other}, ${plan.logicalId}): API Gateway allows one`,
          );
        seen.set(key.logicalId, plan.logicalId);
      }
    }
    byApi.set(api.logicalId, own);
  }
  return byApi;
}

function readKey(id: string, resource: RawResource, context: ReadContext): ApiKeyModel {
  const where = `ApiKey ${id}`;
  const properties = propertiesOf(resource, keyProperties, where, context);
  const value = properties.Value;
  if (value !== undefined && (typeof value !== 'string' || value.length < 20))
    context.diagnostics.error(`${where}.Value`, 'must be a string of at least 20 characters');
  const enabled = properties.Enabled;
  if (
    enabled !== undefined &&
    typeof enabled !== 'boolean' &&
    enabled !== 'true' &&
    enabled !== 'false'
  )
    context.diagnostics.error(`${where}.Enabled`, 'must be true or false');
  return {
    logicalId: id,
    id: localApiId(id),
    name: typeof properties.Name === 'string' ? properties.Name : id,
    value: typeof value === 'string' ? value : undefined,
    // CloudFormation's default is false: a key without `Enabled: true` is refused (K2).
    enabled: enabled === true || enabled === 'true',
  };
}

function readPlan(
  id: string,
  resource: RawResource,
  apiIds: ReadonlyMap<string, string>,
  context: ReadContext,
): PlanRead {
  const where = `UsagePlan ${id}`;
  const properties = propertiesOf(resource, planProperties, where, context);
  const stages = Array.isArray(properties.ApiStages) ? properties.ApiStages : [];
  return {
    logicalId: id,
    name: typeof properties.UsagePlanName === 'string' ? properties.UsagePlanName : id,
    throttle: readThrottle(properties.Throttle, `${where}.Throttle`, context),
    quota: readQuota(properties.Quota, `${where}.Quota`, context),
    stages: stages.flatMap((entry, index) => {
      const at = `${where}.ApiStages[${index}]`;
      if (!isRecord(entry)) {
        context.diagnostics.error(at, 'must be a map with ApiId and Stage');
        return [];
      }
      for (const name of Object.keys(entry))
        if (!stageProperties.has(name))
          context.diagnostics.error(`${at}.${name}`, 'is not emulated');
      const { ApiId: apiId, Stage: stage } = entry;
      if (typeof apiId !== 'string' || !apiIds.has(apiId)) {
        context.diagnostics.error(`${at}.ApiId`, 'must be !Ref to a REST API of this template');
        return [];
      }
      if (typeof stage !== 'string') {
        context.diagnostics.error(`${at}.Stage`, 'must be the stage name');
        return [];
      }
      return [
        {
          apiId,
          stage,
          methods: readMethodThrottles(entry.Throttle, `${at}.Throttle`, context),
          where: `${at}.Throttle`,
        },
      ];
    }),
  };
}

/** `ApiStages[].Throttle`: `"/pets/{petId}/GET": { RateLimit, BurstLimit }`, keyed `GET /pets/{petId}`. */
function readMethodThrottles(
  value: unknown,
  where: string,
  context: ReadContext,
): Map<string, ThrottleModel> {
  const methods = new Map<string, ThrottleModel>();
  if (value === undefined) return methods;
  if (!isRecord(value)) {
    context.diagnostics.error(where, 'must map "/path/METHOD" to a throttle');
    return methods;
  }
  for (const [key, settings] of Object.entries(value)) {
    const match = /^(\/.*)\/([A-Z]+|\*)$/.exec(key);
    const throttle = readThrottle(settings, `${where}.${key}`, context);
    if (!match || match[2] === '*') {
      context.diagnostics.error(`${where}.${key}`, 'must be "/resource/path/METHOD" with a verb');
      continue;
    }
    const path = match[1] === '/' ? '/' : (match[1] ?? '/').replace(/\/$/, '');
    if (throttle) methods.set(`${match[2]} ${path}`, throttle);
  }
  return methods;
}

function readThrottle(
  value: unknown,
  where: string,
  context: ReadContext,
): ThrottleModel | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    context.diagnostics.error(where, 'must be a map of RateLimit and BurstLimit');
    return undefined;
  }
  for (const name of Object.keys(value))
    if (name !== 'RateLimit' && name !== 'BurstLimit')
      context.diagnostics.error(`${where}.${name}`, 'is not a throttle setting');
  const number = (name: string, integer: boolean) => {
    const raw = value[name];
    if (raw === undefined) return undefined;
    const parsed = Number(raw);
    if (!Number.isFinite(parsed) || parsed < 0 || (integer && !Number.isInteger(parsed))) {
      context.diagnostics.error(
        `${where}.${name}`,
        `must be a${integer ? 'n integer' : ' number'} of at least 0`,
      );
      return undefined;
    }
    return parsed;
  };
  const rateLimit = number('RateLimit', false);
  const burstLimit = number('BurstLimit', true);
  if (rateLimit === undefined || burstLimit === undefined) {
    // Which limit AWS assumes for the one left out is not documented: both are required here.
    if (value.RateLimit === undefined || value.BurstLimit === undefined)
      context.diagnostics.error(where, 'needs both RateLimit and BurstLimit to be emulated');
    return undefined;
  }
  return { rateLimit, burstLimit };
}

function readQuota(value: unknown, where: string, context: ReadContext): QuotaModel | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) {
    context.diagnostics.error(where, 'must be a map of Limit, Period and Offset');
    return undefined;
  }
  for (const name of Object.keys(value))
    if (!['Limit', 'Period', 'Offset'].includes(name))
      context.diagnostics.error(`${where}.${name}`, 'is not a quota setting');
  const limit = Number(value.Limit);
  const offset = Number(value.Offset ?? 0);
  const period = value.Period;
  let valid = true;
  if (value.Limit === undefined || !Number.isInteger(limit) || limit < 0) {
    context.diagnostics.error(`${where}.Limit`, 'is required: an integer of at least 0');
    valid = false;
  }
  if (typeof period !== 'string' || !periods.has(period)) {
    context.diagnostics.error(`${where}.Period`, 'must be DAY, WEEK or MONTH');
    valid = false;
  }
  if (!Number.isInteger(offset) || offset < 0 || (valid && offset > limit)) {
    context.diagnostics.error(`${where}.Offset`, 'must be an integer from 0 to Limit');
    valid = false;
  }
  return valid ? { limit, period: period as QuotaModel['period'], offset } : undefined;
}

function propertiesOf(
  resource: RawResource,
  known: ReadonlySet<string>,
  where: string,
  context: ReadContext,
): Record<string, unknown> {
  const raw = resource.Properties ?? {};
  for (const name of Object.keys(raw))
    if (!known.has(name)) context.diagnostics.error(`${where}.${name}`, 'is not emulated');
  // KeyId / UsagePlanId name resources SAM's expansion adds: they stay unresolved here.
  const { KeyId, UsagePlanId, ...rest } = raw;
  const resolved = resolveProperty(rest, where, context);
  return { ...(isRecord(resolved) ? resolved : {}), KeyId, UsagePlanId };
}

/** `!Ref Resource` (or a value resolving to a logical id, as a local `!Ref` does). */
function logicalIdOf(value: unknown, where: string, context: ReadContext): string | undefined {
  if (isRecord(value) && typeof value.Ref === 'string') return value.Ref;
  const resolved = resolveProperty(value, where, context);
  if (typeof resolved === 'string') return resolved;
  context.diagnostics.error(where, 'must be !Ref to a resource of this template');
  return undefined;
}
