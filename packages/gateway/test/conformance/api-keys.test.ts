import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GatewayOptionsError } from '../../src/errors';
import { startGateway } from '../../src/start-gateway';
import { rawGet } from '../support/raw-request';
import { type FixtureGateway, fixtures, startFixture } from '../support/start-fixture';

// AWS-BEHAVIOR.md K1-K8, on test/fixtures/api-keys. Sources of the expected values:
// - 403 and "Forbidden" for a missing or invalid key: AWS docs "Choose an API key source in API
//   Gateway" (no matching key in the usage plan: "the caller receives a 403 Forbidden
//   response"); the body {"message":"Forbidden"} as users captured it (pmuens/serverless-secured-api
//   issue 2, svdgraaf/serverless-screenshot issues 6 and 10, aws/chalice issue 1835); the
//   INVALID_API_KEY type and its 403, QUOTA_EXCEEDED and its 429: AWS docs "Gateway response
//   types for API Gateway" and LocalStack tests/aws/services/apigateway/test_apigateway_api.py::
//   TestApiGatewayGatewayResponse::test_gateway_response_crud (snapshot recorded against AWS:
//   INVALID_API_KEY 403, QUOTA_EXCEEDED 429, templates {"message":$context.error.messageString}).
// - 429 "Too Many Requests" for a key's throttle and "Limit Exceeded" for its quota: AWS
//   re:Post Knowledge Center "How do I troubleshoot 429 errors from API Gateway?"
//   (api-gateway-429-limit), which also gives the execution log lines the gateway's log follows.
// - The key from the authorizer's usageIdentifierKey with ApiKeySourceType AUTHORIZER: AWS docs
//   "Choose an API key source" and "Output from an API Gateway Lambda authorizer".
// - identity.apiKey / apiKeyId: AWS docs "$context variables for data models, authorizers,
//   mapping templates, and CloudWatch access logging".
// - SAM's expansion of Auth.UsagePlan: AWS SAM docs (AWS::Serverless::Api UsagePlan,
//   CreateUsagePlan) and SAM's translator output tests/translator/output/api_with_usageplans.json
//   (aws/serverless-application-model): <Api>UsagePlan, <Api>ApiKey (Enabled: true, no Value),
//   <Api>UsagePlanKey.
// Unconfirmed (the stricter reading is taken, AWS-BEHAVIOR.md says so): the x-amzn-ErrorType
// values ForbiddenException and LimitExceededException, the response type of a missing key, the
// order relative to the authorizer for HEADER keys, where quota periods start.

const day = 86_400_000;
const start = Date.UTC(2026, 0, 7, 12); // a Wednesday, noon UTC
let now = start;
let fixture: FixtureGateway;
let callsDir: string;

const throttleKey = 'throttle-key-0123456789abcdef';
const quotaKey = 'quota-key-local-0123456789';
const samKey = 'sam-key-local-0123456789ab';

beforeAll(async () => {
  callsDir = await mkdtemp(join(tmpdir(), 'api-keys-'));
  fixture = await startFixture('api-keys', {
    clock: () => now,
    apiKeys: { QuotaKey: quotaKey, SamKeysApiApiKey: samKey },
    environment: { Echo: { ECHO_CALLS_FILE: join(callsDir, 'echo.txt') } },
  });
});
afterAll(async () => {
  await fixture.close();
  await rm(callsDir, { recursive: true, force: true });
});

/** `fetch` on one API of the fixture. */
function call(api: string, path: string, headers: Record<string, string> = {}, method = 'GET') {
  const served = fixture.gateway.apis.find((candidate) => candidate.logicalId === api);
  if (!served) throw new Error(`${api} is not served`);
  return fetch(`${served.url}${path}`, { method, headers });
}

const keysApi = (path: string, key?: string) =>
  call('KeysApi', path, key === undefined ? {} : { 'x-api-key': key });

/** Whether the echo function was invoked for the request that got `response`. */
async function reachedFunction(response: Response): Promise<boolean> {
  const calls = await readFile(join(callsDir, 'echo.txt'), 'utf8').catch(() => '');
  return calls.split('\n').includes(response.headers.get('x-amzn-RequestId') ?? '?');
}

async function expectForbidden(response: Response) {
  expect(response.status).toBe(403);
  expect(response.headers.get('x-amzn-ErrorType')).toBe('ForbiddenException');
  expect(await response.json()).toEqual({ message: 'Forbidden' });
  expect(await reachedFunction(response)).toBe(false);
}

describe('API keys and usage plans (AWS-BEHAVIOR.md K1-K8)', () => {
  it('K1: a method with ApiKeyRequired refuses a call without x-api-key (403 Forbidden), before invoking the function', async () => {
    // Act
    const response = await keysApi('/keyed');

    // Assess
    await expectForbidden(response);
    expect(fixture.access.at(-1)).toMatchObject({ status: 403, error: 'INVALID_API_KEY' });
  });

  it('K1: a method without ApiKeyRequired is served without a key, and a key sent to it is not checked', async () => {
    // Act
    const none = await keysApi('/open');
    const bogus = await keysApi('/open', 'not-a-key-of-any-plan-at-all');

    // Assess
    expect([none.status, bogus.status]).toEqual([200, 200]);
  });

  it('K1: Auth.ApiKeyRequired on the API guards every method, an event with ApiKeyRequired: false is open, and SAM preflights need the key (AddApiKeyRequiredToCorsPreflight)', async () => {
    // Prepare
    now += 31 * day; // a fresh month of the SAM plan's quota (2 a month)

    // Act
    const keyed = await call('SamKeysApi', '/keyed');
    const open = await call('SamKeysApi', '/open');
    const preflight = await call('SamKeysApi', '/open', {}, 'OPTIONS');
    const keyedPreflight = await call('SamKeysApi', '/open', { 'x-api-key': samKey }, 'OPTIONS');

    // Assess
    await expectForbidden(keyed);
    expect(open.status).toBe(200);
    await expectForbidden(preflight);
    expect(keyedPreflight.status).toBe(200);
    expect(keyedPreflight.headers.get('access-control-allow-origin')).toBe(
      'https://app.example.com',
    );
  });

  it('K2: an unknown key, a disabled key, a key in no usage plan of the stage and a key sent twice are each 403 Forbidden', async () => {
    // Act
    const unknown = await keysApi('/keyed', 'unknown-key-0123456789abcdef');
    const disabled = await keysApi('/keyed', 'disabled-key-0123456789abcdef');
    const orphan = await keysApi('/keyed', 'orphan-key-0123456789abcdef');
    const twice = await rawGet(`${fixture.gateway.apis[0]?.url}/keyed`, {
      'x-api-key': [throttleKey, throttleKey],
    });

    // Assess
    for (const response of [unknown, disabled, orphan]) await expectForbidden(response);
    // Two header lines (fetch would join them into one value): two keys are no key.
    expect(twice).toEqual({ message: 'Forbidden' });
    const log = fixture.messages.join('\n');
    expect(log).toContain('key DisabledKey is disabled');
    expect(log).toContain('a key that no usage plan of this stage holds');
    expect(log).toContain('x-api-key sent 2 times');
    expect(log).not.toContain('disabled-key-0123456789abcdef');
    expect(log).not.toContain('orphan-key-0123456789abcdef');
  });

  it('K2: an enabled key of a usage plan on the stage is served, the key compared exactly', async () => {
    // Prepare
    now += 10_000; // the throttle bucket is full again

    // Act
    const served = await keysApi('/keyed', throttleKey);
    const otherCase = await keysApi('/keyed', throttleKey.toUpperCase());

    // Assess
    expect(served.status).toBe(200);
    expect(await reachedFunction(served)).toBe(true);
    await expectForbidden(otherCase);
  });

  it('K3: with ApiKeySourceType AUTHORIZER the key is the authorizer’s usageIdentifierKey, and x-api-key is not read', async () => {
    // Prepare
    now += day; // a fresh day of QuotaPlan

    // Act
    const fromAuthorizer = await call('AuthorizerKeysApi', '/keyed', {
      Authorization: `Bearer key:${quotaKey}`,
    });
    const noKey = await call('AuthorizerKeysApi', '/keyed', {
      Authorization: 'Bearer nokey',
      'x-api-key': quotaKey,
    });
    const unknown = await call('AuthorizerKeysApi', '/keyed', {
      Authorization: 'Bearer key:unknown-key-0123456789abcdef',
    });

    // Assess
    expect(fromAuthorizer.status).toBe(200);
    await expectForbidden(noKey);
    await expectForbidden(unknown);
    expect(fixture.messages.join('\n')).toContain('the authorizer returned no usageIdentifierKey');
  });

  it('K3: the authorizer runs before the key is checked: no token is a 401, not a 403', async () => {
    // Act
    const response = await call('AuthorizerKeysApi', '/keyed', { 'x-api-key': quotaKey });
    const header = await keysApi('/keyed');

    // Assess
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
    expect(header.status).toBe(403);
  });

  it('K5: a spent quota is a 429 {"message":"Limit Exceeded"} until the next period; Offset takes requests from the first period only', async () => {
    // Prepare: a fresh fixture, so that the first period is the one it starts in
    let clock = start;
    const own = await startFixture('api-keys', {
      clock: () => clock,
      apiKeys: { QuotaKey: quotaKey, SamKeysApiApiKey: samKey },
    });
    const statuses = async (count: number) => {
      const served = own.gateway.apis.find((api) => api.logicalId === 'KeysApi');
      const result: number[] = [];
      for (let index = 0; index < count; index++) {
        const response = await fetch(`${served?.url}/keyed`, {
          headers: { 'x-api-key': quotaKey },
        });
        result.push(response.status);
      }
      return result;
    };
    try {
      // Act: Limit 3, Offset 1: 2 in the first day, 3 in each later one
      const first = await statuses(3);
      clock += 11 * 3_600_000; // 23:00 UTC, the same day
      const late = await statuses(1);
      clock += 3_600_000; // midnight UTC: a new period
      const second = await statuses(4);
      const refused = await fetch(
        `${own.gateway.apis.find((api) => api.logicalId === 'KeysApi')?.url}/keyed`,
        { headers: { 'x-api-key': quotaKey } },
      );

      // Assess
      expect(first).toEqual([200, 200, 429]);
      expect(late).toEqual([429]);
      expect(second).toEqual([200, 200, 200, 429]);
      expect(refused.headers.get('x-amzn-ErrorType')).toBe('LimitExceededException');
      expect(await refused.json()).toEqual({ message: 'Limit Exceeded' });
      expect(own.access.at(-1)).toMatchObject({ status: 429, error: 'QUOTA_EXCEEDED' });
      expect(own.messages.join('\n')).toContain(
        'API key QuotaKey (', // the key's logical id, never its value
      );
      expect(own.messages.join('\n')).toContain(
        'key quota exhausted for usage plan QuotaPlan. Limit: 3 Period: DAY',
      );
      expect(own.messages.join('\n')).not.toContain(quotaKey);
    } finally {
      await own.close();
    }
  });

  it('K5: a plan on two API stages counts a key’s requests on both against one quota', async () => {
    // Prepare
    now += day;

    // Act: Limit 3 a day (the offset was the fixture's first day)
    const onKeysApi = [await keysApi('/keyed', quotaKey), await keysApi('/keyed', quotaKey)];
    const onAuthorizerApi = await call('AuthorizerKeysApi', '/keyed', {
      Authorization: `Bearer key:${quotaKey}`,
    });
    const spent = await keysApi('/keyed', quotaKey);

    // Assess
    expect([...onKeysApi, onAuthorizerApi].map((r) => r.status)).toEqual([200, 200, 200]);
    expect(spent.status).toBe(429);
  });

  it('K6: a plan’s Throttle is a token bucket per key: past BurstLimit a 429 {"message":"Too Many Requests"} until RateLimit refills it', async () => {
    // Prepare
    now += day; // a fresh day of QuotaPlan, for the other key

    // Act: RateLimit 1, BurstLimit 2
    const burst = [];
    for (let index = 0; index < 3; index++) burst.push(await keysApi('/keyed', throttleKey));
    const otherKey = await keysApi('/keyed', quotaKey);
    now += 1_000;
    const refilled = [await keysApi('/keyed', throttleKey), await keysApi('/keyed', throttleKey)];

    // Assess
    expect(burst.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(otherKey.status).toBe(200);
    expect(refilled.map((r) => r.status)).toEqual([200, 429]);
    const throttled = burst[2];
    expect(throttled?.headers.get('x-amzn-ErrorType')).toBe('TooManyRequestsException');
    expect(await throttled?.json()).toEqual({ message: 'Too Many Requests' });
    expect(fixture.access.at(-1)).toMatchObject({ status: 429, error: 'THROTTLED' });
    expect(fixture.messages.join('\n')).toContain('exceeded throttle limit for API stage');
  });

  it('K6: ApiStages[].Throttle gives a method its own per-key bucket', async () => {
    // Prepare
    now += 10_000;

    // Act: "/metered/{id}/GET": BurstLimit 1
    const metered = [
      await keysApi('/metered/1', throttleKey),
      await keysApi('/metered/2', throttleKey),
    ];
    const keyed = await keysApi('/keyed', throttleKey);

    // Assess
    expect(metered.map((r) => r.status)).toEqual([200, 429]);
    expect(keyed.status).toBe(200);
  });

  it('K8: the function sees the key and its id in requestContext.identity; neither field on a method that requires none (Q11)', async () => {
    // Prepare
    now += 10_000;

    // Act
    const keyed = (await (await keysApi('/keyed', throttleKey)).json()) as EchoIdentity;
    const open = (await (await keysApi('/open', throttleKey)).json()) as EchoIdentity;

    // Assess
    expect(keyed.event.requestContext.identity).toMatchObject({
      apiKey: throttleKey,
      apiKeyId: expect.stringMatching(/^[a-z0-9]{10}$/),
    });
    // AWS's recorded event of a method without a key has no such fields (Q11).
    expect(open.event.requestContext.identity).not.toHaveProperty('apiKey');
    expect(open.event.requestContext.identity).not.toHaveProperty('apiKeyId');
  });
});

interface EchoIdentity {
  readonly event: {
    readonly requestContext: { readonly identity: Record<string, unknown> };
  };
}

describe('local API key values (K7)', () => {
  const templatePath = join(fixtures, 'api-keys', 'template.yaml');
  const refusal = async (apiKeys: Record<string, string> | undefined) => {
    const error = await startGateway({
      templatePath,
      logger: { info: () => {}, warn: () => {} },
      ...(apiKeys ? { apiKeys } : {}),
    }).then(
      async (gateway) => {
        await gateway.close();
        return undefined;
      },
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(GatewayOptionsError);
    return (error as Error).message;
  };

  it('K7: refuses to start when a key AWS would generate (no Value, SAM’s <Api>ApiKey included) has no local value, naming it', async () => {
    // Act
    const message = await refusal(undefined);

    // Assess
    expect(message).toContain('QuotaKey, SamKeysApiApiKey: no Value in the template');
  });

  it('K7: refuses a local value for an unknown key, for a key with a Value, and one shorter than 20 characters', async () => {
    // Act
    const message = await refusal({
      QuotaKey: 'short',
      SamKeysApiApiKey: samKey,
      ThrottleKey: 'another-value-0123456789',
      NoSuchKey: 'whatever-value-0123456789',
    });

    // Assess
    expect(message).toContain('NoSuchKey is not an API key of a usage plan of the served APIs');
    expect(message).toContain('ThrottleKey has a Value in the template already');
    expect(message).toContain('QuotaKey: a key value must be at least 20 characters long');
  });

  it('K7: refuses one value for two keys', async () => {
    // Act
    const message = await refusal({ QuotaKey: samKey, SamKeysApiApiKey: samKey });

    // Assess
    expect(message).toContain('QuotaKey and SamKeysApiApiKey have the same value');
  });
});
