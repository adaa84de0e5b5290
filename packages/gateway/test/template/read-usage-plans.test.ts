import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors';
import { readTemplate } from '../../src/template/read-template';
import { fixtures } from '../support/start-fixture';

const template = (name: string) => join(fixtures, 'api-keys', name);

describe('readTemplate: API keys and usage plans (AWS-BEHAVIOR.md K4, K7)', () => {
  it('K4: reads plain ApiKey / UsagePlan / UsagePlanKey resources onto the stage they name', async () => {
    // Act
    const model = await readTemplate(template('template.yaml'));

    // Assess
    const keys = model.apis.find((api) => api.logicalId === 'KeysApi');
    expect(keys?.apiKeySource).toBe('HEADER');
    expect(keys?.usagePlans.map((plan) => plan.logicalId)).toEqual(['ThrottlePlan', 'QuotaPlan']);
    const [throttle, quota] = keys?.usagePlans ?? [];
    expect(throttle).toMatchObject({
      name: 'throttle-plan',
      throttle: { rateLimit: 1, burstLimit: 2 },
      quota: undefined,
    });
    expect([...(throttle?.methodThrottles ?? [])]).toEqual([
      ['GET /metered/{id}', { rateLimit: 1, burstLimit: 1 }],
    ]);
    expect(throttle?.keys.map((key) => [key.logicalId, key.enabled])).toEqual([
      ['ThrottleKey', true],
      ['DisabledKey', false],
    ]);
    expect(quota?.quota).toEqual({ limit: 3, period: 'DAY', offset: 1 });
    expect(quota?.keys[0]).toMatchObject({ logicalId: 'QuotaKey', value: undefined });
    expect(model.warnings).toEqual([]);
  });

  it('K7: expands SAM’s Auth.UsagePlan PER_API into <Api>UsagePlan, an enabled <Api>ApiKey without Value and <Api>UsagePlanKey', async () => {
    // Act
    const model = await readTemplate(template('template.yaml'));

    // Assess
    const sam = model.apis.find((api) => api.logicalId === 'SamKeysApi');
    expect(sam?.usagePlans).toEqual([
      {
        logicalId: 'SamKeysApiUsagePlan',
        name: 'sam-plan',
        throttle: { rateLimit: 100, burstLimit: 100 },
        methodThrottles: new Map(),
        quota: { limit: 2, period: 'MONTH', offset: 0 },
        keys: [
          {
            logicalId: 'SamKeysApiApiKey',
            id: expect.stringMatching(/^[a-z0-9]{10}$/),
            name: 'SamKeysApiApiKey',
            value: undefined,
            enabled: true,
          },
        ],
      },
    ]);
    expect(model.apis.find((api) => api.logicalId === 'AuthorizerKeysApi')?.apiKeySource).toBe(
      'AUTHORIZER',
    );
  });

  it('K4, K7: names every usage plan feature it cannot emulate in one start-up error', async () => {
    // Act
    const problems = await readTemplate(template('invalid.yaml')).then(
      () => [],
      (error: unknown) => (error instanceof TemplateError ? error.problems : [String(error)]),
    );

    // Assess
    expect(problems).toEqual(
      expect.arrayContaining([
        'Api Api.ApiKeySourceType: must be HEADER or AUTHORIZER, not "QUERY"',
        'Api Api.Auth.ApiKeyRequired: must be true or false, not "maybe"',
        'Api OtherApi.Auth.UsagePlan: configures the SHARED usage plan differently from Api Api: SAM leaves the result uncertain, so it cannot be emulated (configure it on one API only)',
        'Api ThirdApi.Auth.UsagePlan.CreateUsagePlan: must be PER_API, SHARED or NONE, not "EVERYWHERE"',
        'UsagePlan Plan.Burst: is not emulated',
        'UsagePlan Plan.Throttle: needs both RateLimit and BurstLimit to be emulated',
        'UsagePlan Plan.Quota.Period: must be DAY, WEEK or MONTH',
        'UsagePlan Plan.ApiStages[1].ApiId: must be !Ref to a REST API of this template',
        'UsagePlan Plan.ApiStages[0].Throttle: throttles GET /nowhere, which Api Api does not have',
        'ApiKey ShortKey.Value: must be a string of at least 20 characters',
        'ApiKey ShortKey: is in two usage plans of Api Api stage test (Plan, SecondPlan): API Gateway allows one',
        'UsagePlanKey StrangeKey.KeyType: must be API_KEY',
        'UsagePlanKey StrangeKey.KeyId: external-key-id is not an AWS::ApiGateway::ApiKey of this template',
        'UsagePlanKey StrangeKey.UsagePlanId: Nowhere is not an AWS::ApiGateway::UsagePlan of this template',
      ]),
    );
  });
});
