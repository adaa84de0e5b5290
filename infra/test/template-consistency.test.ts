import { operations } from '@petstore/api-contract/operations';
import { petTable } from '@petstore/domain/dynamodb/table';
import { readTemplate } from '@petstore/gateway/template';
import { describe, expect, it } from 'vitest';
import { resourcesOfType, sampleParameters, template, templatePath } from './support/template';

interface ApiEvent {
  Type: string;
  Properties: { RestApiId?: unknown; Path: string; Method: string };
}
const functions = resourcesOfType('AWS::Serverless::Function');
const apiEvents = functions.flatMap(([id, resource]) =>
  Object.values((resource.Properties?.Events ?? {}) as Record<string, ApiEvent>)
    .filter((event) => event.Type === 'Api')
    .map((event) => ({
      id,
      route: `${event.Properties.Method.toUpperCase()} ${event.Properties.Path}`,
    })),
);

describe('the template and the contract', () => {
  it('has exactly one Api event per contract operation, and no other', () => {
    const routes = apiEvents.map((event) => event.route).sort();
    expect(routes).toEqual(
      operations.map((operation) => `${operation.method} ${operation.path}`).sort(),
    );
  });

  it('gives each operation its own function', () => {
    expect(new Set(apiEvents.map((event) => event.id)).size).toBe(operations.length);
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

describe('gateway responses', () => {
  it('carry CORS headers on every 4xx and 5xx, so the SPA can read a 401 or 403', () => {
    const responses = template.Resources.PetsApi?.Properties?.GatewayResponses as Record<
      string,
      { ResponseParameters: { Headers: Record<string, unknown> } }
    >;
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      expect(Object.keys(responses[type]?.ResponseParameters.Headers ?? {})).toContain(
        'Access-Control-Allow-Origin',
      );
    }
  });
});

describe('the resolved template', async () => {
  const model = await readTemplate(templatePath, { parameters: sampleParameters });

  it('reads without errors or unexpected warnings', () => {
    // Expected locally: the table, bucket and CDN are not emulated; Node.js is the machine's own.
    const expected = /^(Resources: not emulated|Runtime: nodejs\d+\.x run on the local Node\.js)/;
    expect(model.warnings.filter((warning) => !expected.test(warning))).toEqual([]);
    expect(model.functions.size).toBe(operations.length + 1);
  });

  it('sets every variable the authorizer requires at cold start', () => {
    expect(model.functions.get('AuthorizerFunction')?.environment).toMatchObject({
      TOKEN_ISSUER: sampleParameters.TokenIssuer,
      JWKS_URI: sampleParameters.JwksUri,
      AUDIENCE: sampleParameters.Audience,
    });
  });
});
