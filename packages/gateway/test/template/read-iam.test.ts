import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors';
import { localApiId } from '../../src/template/local-identity';
import { readIamModel } from '../../src/template/read-iam';
import { readTemplate } from '../../src/template/read-template';
import { fixtures } from '../support/start-fixture';

const template = join(fixtures, 'iam', 'template.yaml');
const account = '123456789012';

describe('readIamModel', () => {
  it('reads the OIDC provider: URL as written, ARN without the scheme, trailing slash kept', async () => {
    // Act
    const iam = await readIamModel(template, {
      parameters: { TokenIssuer: 'https://tenant.eu.auth0.com/', SpaClientId: 'spa-1' },
    });

    // Assess
    expect(iam.oidcProviders).toEqual([
      {
        logicalId: 'OidcProvider',
        arn: `arn:aws:iam::${account}:oidc-provider/tenant.eu.auth0.com/`,
        url: 'https://tenant.eu.auth0.com/',
        clientIds: ['spa-1'],
      },
    ]);
  });

  it('leaves out an OIDC provider whose Condition is false, and the roles trust the given ARN', async () => {
    // Arrange
    const existing = `arn:aws:iam::${account}:oidc-provider/issuer.example.com/`;

    // Act
    const iam = await readIamModel(template, { parameters: { ExistingOidcProviderArn: existing } });

    // Assess
    expect(iam.oidcProviders).toEqual([]);
    const statement = iam.roles.get('AdminRole')?.trustPolicy.Statement[0] as unknown as {
      Principal: unknown;
    };
    expect(statement.Principal).toEqual({ Federated: existing });
  });

  it('parses a trust policy built as JSON with !Sub: provider ARN, issuer-host condition key, request tag', async () => {
    // Act
    const iam = await readIamModel(template);

    // Assess
    expect(iam.roles.get('AdminRole')?.trustPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Federated: `arn:aws:iam::${account}:oidc-provider/127.0.0.1:9000/` },
          Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession'],
          Condition: {
            StringEquals: {
              '127.0.0.1:9000/:aud': 'petstore-spa',
              'aws:RequestTag/PetRole': 'admin',
            },
          },
        },
      ],
    });
  });

  it('names roles by RoleName or logical id, with Path in the ARN, a stable AROA id and MaxSessionDuration', async () => {
    // Act
    const first = await readIamModel(template);
    const second = await readIamModel(template);

    // Assess
    const admin = first.roles.get('AdminRole');
    const buyer = first.roles.get('BuyerRole');
    expect(admin).toMatchObject({
      name: 'AdminRole',
      arn: `arn:aws:iam::${account}:role/AdminRole`,
      path: '/',
      maxSessionDurationSeconds: 7200,
    });
    expect(buyer).toMatchObject({
      name: 'local-buyer',
      arn: `arn:aws:iam::${account}:role/petstore/local-buyer`,
      path: '/petstore/',
      maxSessionDurationSeconds: 3600,
    });
    expect(admin?.roleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    expect(buyer?.roleId).not.toBe(admin?.roleId);
    expect(second.roles.get('AdminRole')?.roleId).toBe(admin?.roleId);
  });

  it('gives each role its inline policies, then managed policies attached by Roles or by ManagedPolicyArns, then AWS::IAM::Policy', async () => {
    // Act
    const iam = await readIamModel(template);

    // Assess
    const apiId = localApiId('PetsIamApi');
    const arn = (rest: string) => `arn:aws:execute-api:us-east-1:${account}:${apiId}/${rest}`;
    const resources = (role: string) =>
      iam.roles.get(role)?.policies.map((policy) => policy.Statement.map((s) => s.Resource));
    expect(resources('AdminRole')).toEqual([
      [
        [arn('test/GET/pets'), arn('test/POST/pets'), arn('test/DELETE/pets/*')],
        `arn:aws:lambda:us-east-1:${account}:function:EchoFunction`,
      ],
    ]);
    expect(resources('BuyerRole')).toEqual([
      [arn('*/DELETE/*')],
      [[arn('test/GET/pets'), arn('test/POST/pets/*/purchase')]],
    ]);
    expect(resources('AuditorRole')).toEqual([
      [[arn('test/GET/pets'), arn('test/POST/pets/*/purchase')]],
      [arn('*/GET/health')],
    ]);
  });

  it('warns that an AWS managed policy is not granted locally, and about a condition operator it cannot evaluate', async () => {
    // Act
    const iam = await readIamModel(template);

    // Assess
    expect(iam.warnings).toEqual([
      'ManagedPolicy OddConditionPolicy.PolicyDocument: cannot be evaluated locally (unsupported IAM condition operator "DateGreaterThan"): requests it decides are refused',
      'Role AuditorRole.ManagedPolicyArns: arn:aws:iam::aws:policy/ReadOnlyAccess is not a policy of this template: its permissions are not granted locally',
    ]);
  });

  it('refuses a trust policy that is not JSON, a MaxSessionDuration out of bounds, a bad Effect and a provider without Url, naming each', async () => {
    // Act
    const error = await readIamModel(join(fixtures, 'invalid', 'iam-invalid.yaml')).catch(
      (caught: unknown) => caught,
    );

    // Assess
    expect(error).toBeInstanceOf(TemplateError);
    const problems = (error as TemplateError).problems;
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^OIDCProvider NoUrlProvider\.Url: must be the issuer URL/);
    expect(problems[1]).toMatch(
      /^Role NotJsonRole\.AssumeRolePolicyDocument: is not valid JSON \(.+\)$/,
    );
    expect(problems[2]).toBe(
      'Role LongSessionRole.MaxSessionDuration: must be an integer from 3600 to 43200 seconds',
    );
    expect(problems[3]).toBe(
      'ManagedPolicy BadEffectPolicy.PolicyDocument.Statement[0].Effect: must be Allow or Deny, not "Permit"',
    );
    expect(problems[4]).toBe(
      'Policy NoResourcePolicy.PolicyDocument: is not a valid identity policy: a statement needs Resource or NotResource',
    );
  });
});

describe('IAM resources in the template scope', () => {
  it('!Ref and !GetAtt of roles, managed policies and the OIDC provider give the same values as the IAM model', async () => {
    // Act
    const model = await readTemplate(template);

    // Assess
    const buyer = model.iam.roles.get('BuyerRole');
    expect(model.functions.get('EchoFunction')?.environment).toMatchObject({
      ADMIN_ROLE_ARN: model.iam.roles.get('AdminRole')?.arn,
      BUYER_ROLE_NAME: buyer?.name,
      BUYER_ROLE_ID: buyer?.roleId,
      BUYER_POLICY_ARN: `arn:aws:iam::${account}:policy/petstore-buyer-invoke`,
      OIDC_PROVIDER_ARN: model.iam.oidcProviders[0]?.arn,
    });
  });
});
