import { operations } from '@petstore/api-contract/operations';
import { petTable } from '@petstore/domain/dynamodb/table';
import { readTemplate } from '@petstore/gateway/template';
import { describe, expect, it } from 'vitest';
import {
  apiEvents,
  propertiesOf,
  resolved,
  resourcesOfType,
  sampleParameters,
  template,
  templatePath,
} from './support/template';

const functions = resourcesOfType('AWS::Serverless::Function');
/** Both full APIs serve the same functions: the TOKEN authorizer's and the AWS_IAM one. */
const apis = ['PetsApi', 'PetsIamApi'] as const;
/** The third, for machine clients: the read-only routes again (infra/test/partner-api.test.ts). */
const partnerApi = 'PartnerApi';
const contractRoutes = operations
  .map((operation) => `${operation.method} ${operation.path}`)
  .sort();
const apiFunctionIds = [
  ...new Set(apiEvents.filter((event) => event.api === 'PetsApi').map((event) => event.id)),
];

describe('the template and the contract', () => {
  it('puts every event on one of the three APIs', () => {
    expect([...new Set(apiEvents.map((event) => event.api))].sort()).toEqual(
      [...apis, partnerApi].sort(),
    );
  });

  it.each(apis)('has exactly one %s event per contract operation, and no other', (api) => {
    const routes = apiEvents.filter((event) => event.api === api).map((event) => event.route);
    expect(routes.sort()).toEqual(contractRoutes);
  });

  it('gives each operation its own function, the same on both APIs', () => {
    expect(apiFunctionIds).toHaveLength(operations.length);
    for (const id of apiFunctionIds) {
      const routes = apis.map((api) =>
        apiEvents.filter((event) => event.id === id && event.api === api).map((e) => e.route),
      );
      expect(routes[0], id).toHaveLength(1);
      expect(routes[1], id).toEqual(routes[0]);
    }
  });
});

describe('the pets table', () => {
  it('is the domain adapter’s definition (packages/domain/src/dynamodb/table.ts)', () => {
    const table = template.Resources.PetsTable;
    expect(table?.Type).toBe('AWS::DynamoDB::Table');
    expect(table?.Properties).toMatchObject(petTable);
  });

  it('is kept when the stack goes, recoverable to a point in time, encrypted', () => {
    const table = template.Resources.PetsTable;
    expect(table).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(table?.Properties).toMatchObject({
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });
});

describe('the TOKEN authorizer', () => {
  const auth = template.Resources.PetsApi?.Properties?.Auth as {
    DefaultAuthorizer: string;
    AddDefaultAuthorizerToCorsPreflight: boolean;
    Authorizers: Record<
      string,
      { Identity: { Header: string; ValidationExpression: string; ReauthorizeEvery: number } }
    >;
  };
  const identity = auth.Authorizers[auth.DefaultAuthorizer]?.Identity;
  const expression = new RegExp(identity?.ValidationExpression ?? '$^');
  const segment = (length: number) => 'a'.repeat(length);

  it('guards every route, reads Authorization, caches for 300 s, leaves preflights open', () => {
    expect(identity).toMatchObject({ Header: 'Authorization', ReauthorizeEvery: 300 });
    expect(auth.AddDefaultAuthorizerToCorsPreflight).toBe(false);
  });

  it('admits only `Bearer <compact JWS>` of a bounded length', () => {
    expect(expression.test(`Bearer ${segment(36)}.${segment(400)}.${segment(342)}`)).toBe(true);
    expect(expression.test(`bearer ${segment(36)}.${segment(400)}.${segment(342)}`)).toBe(false);
    expect(expression.test(`Bearer ${segment(36)}.${segment(400)}`)).toBe(false);
    expect(expression.test(`Bearer ${segment(36)}.${segment(400)}.${segment(342)} extra`)).toBe(
      false,
    );
    expect(expression.test(`Bearer ${segment(36)}.${segment(9000)}.${segment(342)}`)).toBe(false);
  });
});

describe('least privilege', () => {
  const actionsOf = (id: string) => {
    const policies = (template.Resources[id]?.Properties?.Policies ?? []) as {
      Statement?: { Action: string | string[] }[];
    }[];
    return policies
      .flatMap((policy) => policy.Statement ?? [])
      .flatMap((statement) => [statement.Action].flat());
  };
  const writes = /^dynamodb:(Put|Update|Delete|BatchWrite)/;

  it('the authorizer and GET /me touch no table, and are not even told its name', () => {
    expect(actionsOf('AuthorizerFunction')).toEqual([]);
    expect(actionsOf('GetMeFunction')).toEqual([]);
    for (const id of ['AuthorizerFunction', 'GetMeFunction']) {
      const environment = template.Resources[id]?.Properties?.Environment as
        | { Variables?: Record<string, unknown> }
        | undefined;
      expect(Object.keys(environment?.Variables ?? {})).not.toContain('TABLE_NAME');
    }
  });

  it('only create, delete and purchase may write', () => {
    const writers = functions
      .filter(([id]) => actionsOf(id).some((action) => writes.test(action)))
      .map(([id]) => id);
    expect(writers.sort()).toEqual([
      'CreatePetFunction',
      'DeletePetFunction',
      'PurchasePetFunction',
    ]);
  });

  it('each function has only the actions its operation needs', () => {
    expect(actionsOf('ListPetsFunction')).toEqual(['dynamodb:Query']);
    expect(actionsOf('GetPetFunction')).toEqual(['dynamodb:GetItem']);
    expect(actionsOf('CreatePetFunction')).toEqual(['dynamodb:PutItem']);
    expect(actionsOf('DeletePetFunction')).toEqual(['dynamodb:DeleteItem']);
    expect(actionsOf('PurchasePetFunction')).toEqual(['dynamodb:UpdateItem', 'dynamodb:GetItem']);
  });
});

describe('the IAM API', () => {
  const iam = propertiesOf('PetsIamApi');
  const token = propertiesOf('PetsApi');
  const headerList = (value: unknown) =>
    String(value)
      .replace(/^'|'$/g, '')
      .split(',')
      .map((header) => header.trim().toLowerCase())
      .sort();

  it('authorizes every method with AWS_IAM, invokes with its own permission, leaves preflights open', () => {
    expect(iam.Auth).toStrictEqual({
      DefaultAuthorizer: 'AWS_IAM',
      InvokeRole: 'NONE',
      AddDefaultAuthorizerToCorsPreflight: false,
    });
  });

  it('lets the SPA send the SigV4 headers and its ID token across origins', () => {
    const cors = iam.Cors as Record<string, unknown>;
    expect(headerList(cors.AllowHeaders)).toEqual([
      'authorization',
      'content-type',
      'x-amz-content-sha256',
      'x-amz-date',
      'x-amz-security-token',
      'x-id-token',
    ]);
  });

  it('allows the same origin, methods and preflight cache as the token API', () => {
    const { AllowHeaders: _iamHeaders, ...iamCors } = iam.Cors as Record<string, unknown>;
    const { AllowHeaders: _tokenHeaders, ...tokenCors } = token.Cors as Record<string, unknown>;
    expect(iamCors).toStrictEqual(tokenCors);
  });

  it('has the token API’s stage, gateway responses, throttling and tracing', () => {
    for (const property of ['StageName', 'GatewayResponses', 'MethodSettings', 'TracingEnabled']) {
      expect(iam[property], property).toStrictEqual(token[property]);
    }
  });

  it('writes access logs when they are enabled, with the caller’s assumed-role ARN', () => {
    const logs = resolved(iam.AccessLogSetting, { EnableAccessLogs: 'true' }) as {
      DestinationArn: string;
      Format: string;
    };
    expect(logs.DestinationArn).toBe('IamApiAccessLogs.Arn');
    expect(logs.Format).toContain('$context.identity.userArn');
    expect(JSON.parse(logs.Format)).toHaveProperty('requestId', '$context.requestId');
  });
});

describe('gateway responses', () => {
  it.each(apis)(
    'carry CORS headers on every 4xx and 5xx of %s, so the SPA can read a 401 or 403',
    (api) => {
      const responses = propertiesOf(api).GatewayResponses as Record<
        string,
        { ResponseParameters: { Headers: Record<string, unknown> } }
      >;
      for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
        expect(Object.keys(responses[type]?.ResponseParameters.Headers ?? {})).toContain(
          'Access-Control-Allow-Origin',
        );
      }
    },
  );
});

describe('what the functions are told about the IAM API', () => {
  const variablesOf = (id: string) =>
    (propertiesOf(id).Environment as { Variables?: Record<string, unknown> } | undefined)
      ?.Variables ?? {};

  it('tells every API function the two role names, to map an assumed role to its permissions', () => {
    for (const id of apiFunctionIds) {
      expect(resolved(variablesOf(id).ADMIN_ROLE_NAME), id).toBe('AdminRole');
      expect(resolved(variablesOf(id).BUYER_ROLE_NAME), id).toBe('BuyerRole');
    }
  });

  it('tells only the purchase how to verify the buyer’s ID token (issuer, keys, the SPA as audience)', () => {
    expect(resolved(variablesOf('PurchasePetFunction'))).toMatchObject({
      ID_TOKEN_ISSUER: sampleParameters.TokenIssuer,
      ID_TOKEN_JWKS_URI: sampleParameters.JwksUri,
      ID_TOKEN_AUDIENCE: sampleParameters.SpaClientId,
    });
    const others = functions.map(([id]) => id).filter((id) => id !== 'PurchasePetFunction');
    for (const id of others) {
      expect(
        Object.keys(variablesOf(id)).filter((name) => name.startsWith('ID_TOKEN_')),
        id,
      ).toEqual([]);
    }
  });

  it('tells the TOKEN authorizer nothing about the IAM roles', () => {
    expect(Object.keys(variablesOf('AuthorizerFunction'))).not.toEqual(
      expect.arrayContaining(['ADMIN_ROLE_NAME']),
    );
    expect(Object.keys(variablesOf('AuthorizerFunction'))).not.toEqual(
      expect.arrayContaining(['BUYER_ROLE_NAME']),
    );
  });
});

describe('the SPA’s content security policy', () => {
  it('lets the SPA reach STS, globally and in the stack’s region, to exchange its ID token', () => {
    const config = propertiesOf('SpaSecurityHeaders').ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: unknown } };
    };
    const policy = String(
      resolved(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy),
    );
    const connect = /connect-src ([^;]*);/.exec(policy)?.[1]?.split(/\s+/) ?? [];
    expect(connect).toEqual(
      expect.arrayContaining([
        "'self'",
        'https://*.execute-api.eu-west-1.amazonaws.com',
        'https://sts.amazonaws.com',
        'https://sts.eu-west-1.amazonaws.com',
      ]),
    );
  });
});

describe('the resolved template', async () => {
  const model = await readTemplate(templatePath, { parameters: sampleParameters });
  // Expected locally: the table, bucket and CDN are not emulated; Node.js is the machine's own.
  const expected = /^(Resources: not emulated|Runtime: nodejs\d+\.x run on the local Node\.js)/;

  it('reads without errors or unexpected warnings, the three APIs with every function', () => {
    expect(model.warnings.filter((warning) => !expected.test(warning))).toEqual([]);
    // One function per operation, and the two authorizers (token API, partner API).
    expect(model.functions.size).toBe(operations.length + 2);
    expect(model.apis.map((api) => api.logicalId)).toEqual(['PetsApi', 'PetsIamApi', partnerApi]);
  });

  it('serves every contract route on each API, TOKEN-authorized on one and AWS_IAM on the other', () => {
    for (const [logicalId, kind] of [
      ['PetsApi', 'TOKEN'],
      ['PetsIamApi', 'AWS_IAM'],
    ] as const) {
      const api = model.apis.find((candidate) => candidate.logicalId === logicalId);
      const routes = (api?.routes ?? []).filter((route) => route.integration.kind === 'lambda');
      expect(routes.map((route) => `${route.method} ${route.path}`).sort()).toEqual(
        [...contractRoutes].sort(),
      );
      expect(new Set(routes.map((route) => route.authorization.type))).toEqual(new Set([kind]));
    }
  });

  it('sets every variable the authorizer requires at cold start', () => {
    expect(model.functions.get('AuthorizerFunction')?.environment).toMatchObject({
      TOKEN_ISSUER: sampleParameters.TokenIssuer,
      JWKS_URI: sampleParameters.JwksUri,
      AUDIENCE: sampleParameters.Audience,
    });
  });
});
