import { operations } from '@petstore/api-contract/operations';
import {
  permissionsOf,
  type Role,
  rolePermissions,
  roleSessionTags,
  roleTagKey,
} from '@petstore/domain/roles';
import { evaluatePolicy, type PolicyDocument } from '@petstore/iam-policy/evaluate';
import { createPlanner } from '@petstore/iam-policy/plan';
import { describe, expect, it } from 'vitest';
import { resolved, resourcesOfType, sampleParameters, template } from './support/template';

/** Each domain role, its IAM role and the managed policy the template attaches to it. */
const roles = [
  { role: 'admin', roleId: 'AdminRole', policyId: 'AdminInvokePolicy' },
  { role: 'buyer', roleId: 'BuyerRole', policyId: 'BuyerInvokePolicy' },
] as const satisfies readonly { role: Role; roleId: string; policyId: string }[];

/** Every identity policy of the template attached to a role, resolved (policy id -> document). */
function policiesAttachedTo(roleId: string) {
  const attaching = [
    ...resourcesOfType('AWS::IAM::ManagedPolicy'),
    ...resourcesOfType('AWS::IAM::Policy'),
  ].filter(([, resource]) => {
    const attached = (resource.Properties?.Roles ?? []) as unknown[];
    return attached.some((entry) => resolved(entry) === roleId);
  });
  return attaching.map(([id, resource]) => ({
    id,
    document: resolved(resource.Properties?.PolicyDocument) as PolicyDocument,
  }));
}

/** The ARN prefix of the IAM API's stage, as the policies must resolve to. */
const iamStagePrefix = 'arn:aws:execute-api:eu-west-1:123456789012:PetsIamApi/prod/';
const planFor = createPlanner(operations);

/** The policy the planner derives for a role: the TOKEN authorizer's plan, on the IAM API. */
function expectedPolicy(role: Role): PolicyDocument {
  const plan = planFor(permissionsOf(role));
  const resources = (patterns: readonly string[]) => patterns.map((p) => iamStagePrefix + p);
  return {
    Version: '2012-10-17',
    Statement: [
      ...(plan.allow.length > 0
        ? [
            {
              Effect: 'Allow' as const,
              Action: 'execute-api:Invoke',
              Resource: resources(plan.allow),
            },
          ]
        : []),
      ...(plan.deny.length > 0
        ? [
            {
              Effect: 'Deny' as const,
              Action: 'execute-api:Invoke',
              Resource: resources(plan.deny),
            },
          ]
        : []),
    ],
  };
}

/** A concrete request ARN of an operation on an API (`{petId}` -> `42`). */
const requestArn = (apiId: string, method: string, path: string) =>
  `arn:aws:execute-api:eu-west-1:123456789012:${apiId}/prod/${method}${path.replace(/\{[^}]+\}/g, '42')}`;

describe('the roles’ identity policies', () => {
  it('cover every domain role', () => {
    expect(roles.map(({ role }) => role).sort()).toEqual(Object.keys(rolePermissions).sort());
  });

  it.each(roles)(
    '$roleId has one managed policy, $policyId, and no other',
    ({ roleId, policyId }) => {
      // Act
      const attached = policiesAttachedTo(roleId).map(({ id }) => id);
      const role = template.Resources[roleId];

      // Assess
      expect(attached).toEqual([policyId]);
      expect(role?.Type).toBe('AWS::IAM::Role');
      expect(role?.Properties?.Policies).toBeUndefined();
      expect(role?.Properties?.ManagedPolicyArns).toBeUndefined();
    },
  );

  it.each(roles)(
    '$policyId equals what the planner derives from the contract for the $role role',
    ({ role, roleId }) => {
      // Prepare
      const expected = expectedPolicy(role);

      // Act
      const [policy] = policiesAttachedTo(roleId);

      // Assess
      expect(expected.Statement.length).toBeGreaterThan(0);
      expect(policy?.document).toStrictEqual(expected);
    },
  );

  it.each(roles)(
    'lets the $role role call exactly the IAM API operations its permissions allow',
    ({ role, roleId }) => {
      // Prepare
      const [policy] = policiesAttachedTo(roleId);
      const granted: readonly string[] = permissionsOf(role);

      // Act
      const decisions = operations.map((operation) => [
        operation.operationId,
        evaluatePolicy(
          policy?.document ?? { Version: '2012-10-17', Statement: [] },
          requestArn('PetsIamApi', operation.method, operation.path),
        ) === 'allow',
      ]);

      // Assess
      expect(decisions).toEqual(
        operations.map((operation) => [
          operation.operationId,
          operation.permissions.every((permission) => granted.includes(permission)),
        ]),
      );
    },
  );

  it.each(roles)('gives the $role role nothing on the token API or another stage', ({ roleId }) => {
    // Prepare
    const [policy] = policiesAttachedTo(roleId);
    const document = policy?.document ?? { Version: '2012-10-17', Statement: [] };

    // Act
    const elsewhere = operations.flatMap((operation) => [
      evaluatePolicy(document, requestArn('PetsApi', operation.method, operation.path)),
      evaluatePolicy(
        document,
        requestArn('PetsIamApi', operation.method, operation.path).replace('/prod/', '/dev/'),
      ),
    ]);

    // Assess
    expect(new Set(elsewhere)).toEqual(new Set(['implicit-deny']));
  });
});

interface TrustStatement {
  Effect: string;
  Principal: { Federated: string };
  Action: string[];
  Condition: { StringEquals: Record<string, string> };
}

/** A role's trust policy, its JSON string resolved and parsed. */
function trustPolicyOf(roleId: string, overrides: Record<string, string> = {}) {
  const document = resolved(
    template.Resources[roleId]?.Properties?.AssumeRolePolicyDocument,
    overrides,
  );
  expect(typeof document).toBe('string');
  return JSON.parse(String(document)) as { Version: string; Statement: TrustStatement[] };
}

describe('the roles’ trust policies', () => {
  it.each(roles)(
    'let only web identities of the stack’s OIDC provider assume $roleId, with session tags',
    ({ roleId }) => {
      // Act
      const trust = trustPolicyOf(roleId);

      // Assess
      expect(trust.Version).toBe('2012-10-17');
      expect(trust.Statement).toHaveLength(1);
      expect(trust.Statement[0]).toMatchObject({
        Effect: 'Allow',
        Principal: { Federated: 'OidcProvider' },
      });
      expect(trust.Statement[0]?.Action.sort()).toEqual([
        'sts:AssumeRoleWithWebIdentity',
        'sts:TagSession',
      ]);
    },
  );

  it.each(roles)(
    'require the SPA as audience and the $role session tag for $roleId',
    ({ role, roleId }) => {
      // Prepare: the tag the identity provider puts in the role's ID tokens
      const [value] = roleSessionTags(role).principal_tags[roleTagKey];

      // Act
      const conditions = trustPolicyOf(roleId).Statement[0]?.Condition;

      // Assess: IAM names the provider's keys after the issuer without its scheme (slash kept)
      expect(conditions).toStrictEqual({
        StringEquals: {
          'tenant.example.com/:aud': sampleParameters.SpaClientId,
          [`aws:RequestTag/${roleTagKey}`]: value,
        },
      });
      expect(value).toBe(role);
    },
  );

  it('admit no role with another role’s tag', () => {
    // Act
    const required = roles.map(
      ({ roleId }) =>
        trustPolicyOf(roleId).Statement[0]?.Condition.StringEquals[`aws:RequestTag/${roleTagKey}`],
    );

    // Assess
    expect(new Set(required).size).toBe(roles.length);
  });

  it('name the keys of an issuer without a trailing slash after its host and port', () => {
    // Act
    const conditions = trustPolicyOf('BuyerRole', { TokenIssuer: 'http://127.0.0.1:9000' })
      .Statement[0]?.Condition.StringEquals;

    // Assess
    expect(Object.keys(conditions ?? {})).toContain('127.0.0.1:9000:aud');
  });

  it.each(roles)(
    'trust the existing provider given as a parameter instead, for $roleId',
    ({ roleId }) => {
      // Prepare
      const existing = 'arn:aws:iam::123456789012:oidc-provider/tenant.example.com/';

      // Act
      const trust = trustPolicyOf(roleId, { ExistingOidcProviderArn: existing });

      // Assess
      expect(trust.Statement[0]?.Principal).toStrictEqual({ Federated: existing });
    },
  );

  it.each(roles)('keep $roleId’s sessions to at most one hour', ({ roleId }) => {
    expect(template.Resources[roleId]?.Properties?.MaxSessionDuration).toBe(3600);
  });
});

describe('the OIDC provider', () => {
  const provider = template.Resources.OidcProvider;

  it('is created for the token issuer, with the SPA as its only client, unless one exists', () => {
    expect(provider?.Type).toBe('AWS::IAM::OIDCProvider');
    expect(provider?.Condition).toBe('CreateOidcProvider');
    expect(resolved(provider?.Properties?.Url)).toBe(sampleParameters.TokenIssuer);
    expect(resolved(provider?.Properties?.ClientIdList)).toEqual([sampleParameters.SpaClientId]);
  });

  it('is created when no existing provider is given, and only then', () => {
    const condition = template.Conditions?.CreateOidcProvider;
    expect(resolved(condition)).toBe(true);
    expect(
      resolved(condition, { ExistingOidcProviderArn: 'arn:aws:iam::123456789012:oidc-provider/x' }),
    ).toBe(false);
  });

  it('is the one the output names, created or existing', () => {
    const output = (template as { Outputs?: Record<string, { Value: unknown }> }).Outputs
      ?.OidcProviderArn?.Value;
    const existing = 'arn:aws:iam::123456789012:oidc-provider/tenant.example.com/';
    expect(resolved(output)).toBe('OidcProvider');
    expect(resolved(output, { ExistingOidcProviderArn: existing })).toBe(existing);
  });
});

describe('the outputs of the IAM API', () => {
  const outputs = (template as { Outputs?: Record<string, { Value: unknown }> }).Outputs ?? {};

  it('give the IAM API’s URL and both role ARNs', () => {
    expect(resolved(outputs.IamApiUrl?.Value)).toBe(
      'https://PetsIamApi.execute-api.eu-west-1.amazonaws.com/prod',
    );
    expect(resolved(outputs.AdminRoleArn?.Value)).toBe('AdminRole.Arn');
    expect(resolved(outputs.BuyerRoleArn?.Value)).toBe('BuyerRole.Arn');
  });
});
