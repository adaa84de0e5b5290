import { applyGlobals } from './apply-globals';
import { isRecord, type RawResource } from './load-template';
import { type ReadContext, resolveProperty } from './resolve-property';

type Resources = readonly (readonly [string, RawResource])[];

const usagePlanKeys = new Set([
  'CreateUsagePlan',
  'UsagePlanName',
  'Description',
  'Throttle',
  'Quota',
  'Tags',
]);

/**
 * SAM's expansion of `Auth.UsagePlan` on `AWS::Serverless::Api` (and `Globals.Api`), as its
 * translator writes it (K7): `PER_API` makes `<Api>UsagePlan` on the API's stage, `<Api>ApiKey`
 * (`Enabled: true`, no `Value`: AWS generates it) and `<Api>UsagePlanKey`; `SHARED` makes one
 * `ServerlessUsagePlan` over the stages of every API that says `SHARED`, with `ServerlessApiKey`
 * and `ServerlessUsagePlanKey`; `NONE` (or no `UsagePlan`) makes nothing. SHARED APIs that
 * configure the plan differently are an error: SAM's docs call the result "an uncertain state".
 *
 * @example
 * expandSamUsagePlans(resources, template.Globals?.Api, ['ServerlessRestApi'], context)
 * // [['PartnerApiUsagePlan', { Type: 'AWS::ApiGateway::UsagePlan', ... }], ['PartnerApiApiKey', ...], ...]
 */
export function expandSamUsagePlans(
  resources: Resources,
  globals: Readonly<Record<string, unknown>> | undefined,
  implicitApis: readonly string[],
  context: ReadContext,
): [string, RawResource][] {
  const samApis: [string, Record<string, unknown>, unknown][] = [
    ...implicitApis.map((id): [string, Record<string, unknown>, unknown] => [
      id,
      applyGlobals({}, globals),
      'Prod',
    ]),
    ...resources
      .filter(([, resource]) => resource.Type === 'AWS::Serverless::Api')
      .map(([id, resource]): [string, Record<string, unknown>, unknown] => {
        const properties = applyGlobals(resource.Properties, globals);
        return [id, properties, properties.StageName];
      }),
  ];
  const expanded: [string, RawResource][] = [];
  const shared: { apiId: string; stage: unknown; settings: Record<string, unknown> }[] = [];
  for (const [apiId, properties, stage] of samApis) {
    const where = `Api ${apiId}.Auth.UsagePlan`;
    const auth = resolveProperty(properties.Auth, `Api ${apiId}.Auth`, context);
    const plan = isRecord(auth) ? auth.UsagePlan : undefined;
    if (plan === undefined) continue;
    if (!isRecord(plan)) {
      context.diagnostics.error(where, 'must be a map');
      continue;
    }
    for (const name of Object.keys(plan)) {
      if (!usagePlanKeys.has(name))
        context.diagnostics.error(`${where}.${name}`, 'is not a property of SAM UsagePlan');
    }
    const { CreateUsagePlan: mode, ...settings } = plan;
    if (mode === 'NONE') continue;
    if (mode === 'PER_API') {
      expanded.push(...planResources(apiId, [{ apiId, stage }], settings));
    } else if (mode === 'SHARED') {
      shared.push({ apiId, stage, settings });
    } else {
      context.diagnostics.error(
        `${where}.CreateUsagePlan`,
        `must be PER_API, SHARED or NONE, not ${JSON.stringify(mode)}`,
      );
    }
  }
  const [first, ...others] = shared;
  if (first) {
    for (const other of others) {
      if (JSON.stringify(other.settings) !== JSON.stringify(first.settings)) {
        context.diagnostics.error(
          `Api ${other.apiId}.Auth.UsagePlan`,
          `configures the SHARED usage plan differently from Api ${first.apiId}: SAM leaves the result uncertain, so it cannot be emulated (configure it on one API only)`,
        );
      }
    }
    const configured = shared.find((entry) => Object.keys(entry.settings).length > 0) ?? first;
    expanded.push(...planResources('Serverless', shared, configured.settings));
  }
  return expanded;
}

function planResources(
  prefix: string,
  stages: readonly { apiId: string; stage: unknown }[],
  settings: Readonly<Record<string, unknown>>,
): [string, RawResource][] {
  const plan = `${prefix}UsagePlan`;
  const key = `${prefix}ApiKey`;
  return [
    [
      plan,
      {
        Type: 'AWS::ApiGateway::UsagePlan',
        Properties: {
          ...settings,
          ApiStages: stages.map(({ apiId, stage }) => ({ ApiId: { Ref: apiId }, Stage: stage })),
        },
      },
    ],
    [
      key,
      {
        Type: 'AWS::ApiGateway::ApiKey',
        Properties: {
          Enabled: true,
          StageKeys: stages.map(({ apiId, stage }) => ({
            RestApiId: { Ref: apiId },
            StageName: stage,
          })),
        },
      },
    ],
    [
      `${prefix}UsagePlanKey`,
      {
        Type: 'AWS::ApiGateway::UsagePlanKey',
        Properties: { KeyType: 'API_KEY', KeyId: { Ref: key }, UsagePlanId: { Ref: plan } },
      },
    ],
  ];
}
