import { operations } from '@petstore/api-contract/operations';
import { readTemplate } from '@petstore/gateway/template';
import { describe, expect, it } from 'vitest';
import {
  apiEvents,
  propertiesOf,
  resolved,
  sampleParameters,
  template,
  templatePath,
} from './support/template';

// The partner API: the read-only routes for machine clients (client credentials), behind the
// token API's TOKEN authorizer and, on top, an API key of a usage plan with its own throttle and
// quota. First the template as written, then as SAM translates it: the gateway's model expands
// `Auth.UsagePlan` as SAM's translator does (packages/gateway/AWS-BEHAVIOR.md K7), which is what
// the local stack serves.

interface ParameterSpec {
  Type: string;
  Default?: string;
  MinValue?: number;
  MaxValue?: number;
  AllowedValues?: string[];
}

const parameter = (name: string) => template.Parameters?.[name] as ParameterSpec | undefined;
const routesOn = (api: string) =>
  apiEvents.filter((event) => event.api === api).map((event) => `${event.route} ${event.id}`);
const readOnly = operations.filter((operation) => operation.method === 'GET');
/** The template's Outputs (the gateway's RawTemplate does not type them: it serves none). */
const outputs = (template as { Outputs?: Record<string, { Value?: unknown }> }).Outputs ?? {};
const partner = propertiesOf('PartnerApi');
const token = propertiesOf('PetsApi');

describe('the partner API in the template', () => {
  it("serves the contract's read-only operations, each by the function that serves it on PetsApi", () => {
    const expected = routesOn('PetsApi').filter((route) => route.startsWith('GET '));
    expect(routesOn('PartnerApi').sort()).toEqual(expected.sort());
    expect(expected.map((route) => route.split(' ').slice(0, 2).join(' ')).sort()).toEqual(
      readOnly.map((operation) => `${operation.method} ${operation.path}`).sort(),
    );
  });

  it("needs only read:pets on every route: the machine client's grant is enough", () => {
    for (const operation of readOnly) expect(operation.permissions).toEqual(['read:pets']);
  });

  it('authorizes as the token API does (header, expression, cache window), with its own function for the machine clients', () => {
    type Authorizer = { readonly Identity: unknown; readonly FunctionArn: unknown };
    const auth = partner.Auth as {
      DefaultAuthorizer: string;
      Authorizers: Record<string, Authorizer>;
    };
    const tokenAuth = token.Auth as typeof auth;
    expect(auth.DefaultAuthorizer).toBe(tokenAuth.DefaultAuthorizer);
    const own = auth.Authorizers[auth.DefaultAuthorizer];
    const tokens = tokenAuth.Authorizers[tokenAuth.DefaultAuthorizer];
    expect(own?.Identity).toStrictEqual(tokens?.Identity);
    expect(own?.FunctionArn).toStrictEqual({ 'Fn::GetAtt': ['PartnerAuthorizerFunction', 'Arn'] });
    expect(tokens?.FunctionArn).toStrictEqual({ 'Fn::GetAtt': ['AuthorizerFunction', 'Arn'] });
  });

  it("runs the token API's authorizer code and settings but the clients it accepts", () => {
    const functionOf = (id: string) => {
      const { Description, Environment, ...rest } = template.Resources[id]?.Properties ?? {};
      const { ALLOWED_CLIENT_IDS, ...variables } = (
        Environment as { Variables: Record<string, unknown> }
      ).Variables;
      return { rest, variables, clients: ALLOWED_CLIENT_IDS, described: Description };
    };
    const partnerFunction = functionOf('PartnerAuthorizerFunction');
    const tokenFunction = functionOf('AuthorizerFunction');
    expect(partnerFunction.rest).toStrictEqual(tokenFunction.rest);
    expect(partnerFunction.variables).toStrictEqual(tokenFunction.variables);
    expect(partnerFunction.clients).toStrictEqual({ Ref: 'PartnerClientIds' });
  });

  it('requires an API key on every method, read from the x-api-key header', () => {
    expect((partner.Auth as Record<string, unknown>).ApiKeyRequired).toBe(true);
    // No ApiKeySourceType: HEADER, API Gateway's default (AWS-BEHAVIOR.md K3).
    expect(partner.ApiKeySourceType).toBeUndefined();
  });

  it('has no CORS and no CORS gateway responses: no browser calls it', () => {
    expect(partner.Cors).toBeUndefined();
    expect(partner.GatewayResponses).toBeUndefined();
  });

  it("has the token API's stage, stage throttling and tracing", () => {
    for (const property of ['StageName', 'MethodSettings', 'TracingEnabled']) {
      expect(partner[property], property).toStrictEqual(token[property]);
    }
  });

  it("bounds the plan's limits by the stage's throttle, so a key meets its plan's limits first", () => {
    const [stage] = partner.MethodSettings as {
      ThrottlingRateLimit: number;
      ThrottlingBurstLimit: number;
    }[];
    const rate = parameter('PartnerRateLimit');
    const burst = parameter('PartnerBurstLimit');
    expect(rate).toMatchObject({
      Type: 'Number',
      MinValue: 1,
      MaxValue: stage?.ThrottlingRateLimit,
    });
    expect(burst).toMatchObject({
      Type: 'Number',
      MinValue: 1,
      MaxValue: stage?.ThrottlingBurstLimit,
    });
    expect(Number(rate?.Default)).toBeLessThan(stage?.ThrottlingRateLimit ?? 0);
    expect(Number(burst?.Default)).toBeLessThan(stage?.ThrottlingBurstLimit ?? 0);
  });

  it('offers the quota periods API Gateway knows, a day by default', () => {
    expect(parameter('PartnerQuotaPeriod')).toMatchObject({
      Type: 'String',
      Default: 'DAY',
      AllowedValues: ['DAY', 'WEEK', 'MONTH'],
    });
    expect(parameter('PartnerQuotaLimit')).toMatchObject({ Type: 'Number', MinValue: 1 });
  });

  it('writes access logs when they are enabled, with the caller and the key id', () => {
    const logs = resolved(partner.AccessLogSetting, { EnableAccessLogs: 'true' }) as {
      DestinationArn: string;
      Format: string;
    };
    expect(logs.DestinationArn).toBe('PartnerApiAccessLogs.Arn');
    expect(JSON.parse(logs.Format)).toMatchObject({
      requestId: '$context.requestId',
      principal: '$context.authorizer.principalId',
      apiKeyId: '$context.identity.apiKeyId',
    });
  });

  it('outputs its URL and the id of the key SAM generates for its plan', () => {
    expect(resolved(outputs.PartnerApiUrl?.Value)).toBe(
      'https://PartnerApi.execute-api.eu-west-1.amazonaws.com/prod',
    );
    // SAM names the key of a PER_API plan `<api-LogicalId>ApiKey` (SAM developer guide,
    // "CloudFormation resources generated when AWS::Serverless::Api is specified").
    expect(outputs.PartnerApiKeyId?.Value).toStrictEqual({ Ref: 'PartnerApiApiKey' });
  });
});

describe('the partner usage plan as SAM translates it (what the gateway serves)', async () => {
  const model = await readTemplate(templatePath, { parameters: sampleParameters });
  const api = (logicalId: string) => model.apis.find((served) => served.logicalId === logicalId);
  const defaults = (name: string) => Number(parameter(name)?.Default);

  it('requires a key on every method of PartnerApi, preflights included (there are none)', () => {
    const routes = api('PartnerApi')?.routes ?? [];
    expect(routes.map((route) => `${route.method} ${route.path}`).sort()).toEqual(
      readOnly.map((operation) => `${operation.method} ${operation.path}`).sort(),
    );
    expect(routes.filter((route) => !route.apiKeyRequired)).toEqual([]);
    expect(api('PartnerApi')?.apiKeySource).toBe('HEADER');
  });

  it("puts PartnerApi's stage in one plan with the parameters' throttle and quota, and the key in it", () => {
    const [plan, ...others] = api('PartnerApi')?.usagePlans ?? [];
    expect(others).toEqual([]);
    expect(plan).toMatchObject({
      logicalId: 'PartnerApiUsagePlan',
      throttle: {
        rateLimit: defaults('PartnerRateLimit'),
        burstLimit: defaults('PartnerBurstLimit'),
      },
      quota: { limit: defaults('PartnerQuotaLimit'), period: 'DAY', offset: 0 },
    });
    expect(plan?.name).toMatch(/-partner$/);
    expect(plan?.methodThrottles.size).toBe(0);
    // Enabled, and no Value: AWS generates it (the local stack gives a local one).
    expect(plan?.keys).toMatchObject([
      { logicalId: 'PartnerApiApiKey', enabled: true, value: undefined },
    ]);
  });

  it("takes the plan's limits, and its stage, from the parameters", async () => {
    const other = await readTemplate(templatePath, {
      parameters: {
        ...sampleParameters,
        Stage: 'v2',
        PartnerRateLimit: '2',
        PartnerBurstLimit: '3',
        PartnerQuotaLimit: '5',
        PartnerQuotaPeriod: 'WEEK',
      },
    });
    const served = other.apis.find((candidate) => candidate.logicalId === 'PartnerApi');
    expect(served?.stageName).toBe('v2');
    expect(served?.usagePlans).toMatchObject([
      {
        throttle: { rateLimit: 2, burstLimit: 3 },
        quota: { limit: 5, period: 'WEEK', offset: 0 },
        keys: [{ logicalId: 'PartnerApiApiKey' }],
      },
    ]);
  });

  it.each(['PetsApi', 'PetsIamApi'])(
    'asks no key anywhere on %s, and puts no plan on its stage',
    (logicalId) => {
      const served = api(logicalId);
      expect(served?.routes.length).toBeGreaterThan(0);
      expect(served?.routes.filter((route) => route.apiKeyRequired)).toEqual([]);
      expect(served?.usagePlans).toEqual([]);
    },
  );
});
