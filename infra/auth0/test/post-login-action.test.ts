import { createRequire } from 'node:module';
import {
  connectionRoles,
  type Role,
  rolePermissions,
  roleSessionTags,
  roleTagKey,
  sessionTagsClaim,
} from '@petstore/domain/roles';
import { describe, expect, it } from 'vitest';

interface FakeApi {
  readonly scopesAdded: string[];
  readonly scopesRemoved: string[];
  readonly claims: Record<string, unknown>;
  readonly idTokenClaims: Record<string, unknown>;
  readonly idToken: { setCustomClaim(name: string, value: unknown): void };
  readonly accessToken: {
    addScope(scope: string): void;
    removeScope(scope: string): void;
    setCustomClaim(name: string, value: unknown): void;
  };
}

interface PostLoginAction {
  onExecutePostLogin(event: unknown, api: FakeApi): Promise<void>;
  rules: {
    strategyKinds: Record<string, string>;
    connectionRoles: Record<string, string>;
    rolePermissions: Record<string, string[]>;
    sessionTagsClaim: string;
    roleTagKey: string;
    sessionTagsFor(role: string): unknown;
  };
}

const action = createRequire(import.meta.url)('../post-login-action.cjs') as PostLoginAction;
const ns = 'https://petstore.example.com/';
const audience = 'https://api.petstore.example.com';

function fakeApi(): FakeApi {
  const scopesAdded: string[] = [];
  const scopesRemoved: string[] = [];
  const claims: Record<string, unknown> = {};
  const idTokenClaims: Record<string, unknown> = {};
  return {
    scopesAdded,
    scopesRemoved,
    claims,
    idTokenClaims,
    idToken: {
      setCustomClaim: (name, value) => {
        idTokenClaims[name] = value;
      },
    },
    accessToken: {
      addScope: (scope) => void scopesAdded.push(scope),
      removeScope: (scope) => void scopesRemoved.push(scope),
      setCustomClaim: (name, value) => {
        claims[name] = value;
      },
    },
  };
}

function loginEvent(strategy: string, requestedScopes: string[] = [], query = {}) {
  return {
    secrets: { API_AUDIENCE: audience },
    connection: { id: 'con_1', name: strategy, strategy },
    resource_server: { identifier: audience },
    transaction: { requested_scopes: requestedScopes },
    request: { query },
    user: { user_id: `${strategy}|1`, name: 'Pat Doe', email: 'pat@example.com' },
  };
}

describe('the post-login Action', () => {
  it('makes a database user an admin: read, create and delete pets', async () => {
    // Prepare
    const api = fakeApi();

    // Act
    await action.onExecutePostLogin(loginEvent('auth0', ['openid', 'read:pets']), api);

    // Assess
    expect(api.scopesAdded).toEqual(['read:pets', 'create:pets', 'delete:pets']);
    expect(api.scopesRemoved).toEqual([]);
    expect(api.claims).toEqual({
      [`${ns}permissions`]: ['read:pets', 'create:pets', 'delete:pets'],
      [`${ns}connection`]: 'database',
      [`${ns}name`]: 'Pat Doe',
      [`${ns}email`]: 'pat@example.com',
    });
  });

  it.each(['amazon', 'google-oauth2'])(
    'makes a %s user a buyer: read and purchase',
    async (strategy) => {
      // Prepare
      const api = fakeApi();

      // Act
      await action.onExecutePostLogin(loginEvent(strategy), api);

      // Assess
      expect(api.scopesAdded).toEqual(['read:pets', 'purchase:pets']);
      expect(api.claims[`${ns}permissions`]).toEqual(['read:pets', 'purchase:pets']);
      expect(api.claims[`${ns}connection`]).toBe('social');
    },
  );

  it('ignores the admin scopes and role a social user asks for', async () => {
    // Prepare
    const api = fakeApi();
    const event = loginEvent(
      'amazon',
      ['openid', 'profile', 'create:pets', 'delete:pets', 'purchase:pets'],
      { role: 'admin' },
    );

    // Act
    await action.onExecutePostLogin(event, api);

    // Assess
    expect(api.scopesRemoved).toEqual(['create:pets', 'delete:pets']);
    expect(api.scopesAdded).toEqual(['read:pets', 'purchase:pets']);
    expect(api.claims[`${ns}permissions`]).toEqual(['read:pets', 'purchase:pets']);
  });

  it('grants nothing for a connection that is neither database nor social', async () => {
    // Prepare
    const api = fakeApi();

    // Act
    await action.onExecutePostLogin(loginEvent('samlp', ['read:pets', 'openid']), api);

    // Assess
    expect(api.scopesAdded).toEqual([]);
    expect(api.scopesRemoved).toEqual(['read:pets']);
    expect(api.claims[`${ns}permissions`]).toEqual([]);
  });

  it('leaves tokens for other audiences alone', async () => {
    // Prepare
    const api = fakeApi();
    const event = { ...loginEvent('auth0'), resource_server: { identifier: 'https://other.api' } };

    // Act
    await action.onExecutePostLogin(event, api);

    // Assess
    expect(api.scopesAdded).toEqual([]);
    expect(api.claims).toEqual({});
  });

  it('carries the same role rules as @petstore/domain/roles', () => {
    // Prepare / Act
    const { rules } = action;

    // Assess
    expect(rules.rolePermissions).toEqual(rolePermissions);
    expect(rules.connectionRoles).toEqual(connectionRoles);
    expect(new Set(Object.values(rules.strategyKinds))).toEqual(
      new Set(Object.keys(connectionRoles)),
    );
    expect(rules.strategyKinds.auth0).toBe('database');
  });
});

describe('the post-login Action: the session tag in the ID token (IAM API)', () => {
  const tags = 'https://aws.amazon.com/tags';

  it('tags a database user’s ID token with PetRole admin, and nothing else', async () => {
    // Prepare
    const api = fakeApi();

    // Act
    await action.onExecutePostLogin(loginEvent('auth0', ['openid']), api);

    // Assess
    expect(api.idTokenClaims).toStrictEqual({ [tags]: { principal_tags: { PetRole: ['admin'] } } });
  });

  it.each(['amazon', 'google-oauth2', 'apple'])(
    'tags a %s user’s ID token with PetRole buyer',
    async (strategy) => {
      // Prepare
      const api = fakeApi();

      // Act
      await action.onExecutePostLogin(loginEvent(strategy), api);

      // Assess
      expect(api.idTokenClaims).toStrictEqual({
        [tags]: { principal_tags: { PetRole: ['buyer'] } },
      });
    },
  );

  it('keeps a social user a buyer whatever scopes, role or tag the application asks for', async () => {
    // Prepare: admin scopes, and a query asking for the admin role and tag
    const api = fakeApi();
    const event = loginEvent('amazon', ['openid', 'create:pets', 'delete:pets'], {
      role: 'admin',
      PetRole: 'admin',
      claims: JSON.stringify({ id_token: { [tags]: { value: roleSessionTags('admin') } } }),
    });

    // Act
    await action.onExecutePostLogin(event, api);

    // Assess
    expect(api.idTokenClaims[tags]).toStrictEqual({ principal_tags: { PetRole: ['buyer'] } });
  });

  it('gives no tag, and so no IAM role, to a connection that is neither database nor social', async () => {
    // Prepare
    const api = fakeApi();

    // Act
    await action.onExecutePostLogin(loginEvent('samlp', ['openid']), api);

    // Assess
    expect(api.idTokenClaims).toStrictEqual({});
  });

  it('tags the ID token even when the login asks for another API (the ID token is the application’s)', async () => {
    // Prepare
    const api = fakeApi();
    const event = { ...loginEvent('auth0'), resource_server: { identifier: 'https://other.api' } };

    // Act
    await action.onExecutePostLogin(event, api);

    // Assess
    expect(api.idTokenClaims[tags]).toStrictEqual({ principal_tags: { PetRole: ['admin'] } });
    expect(api.claims).toEqual({});
  });

  it('writes the claim of @petstore/domain/roles: same name, key and value for every role', () => {
    // Prepare
    const { rules } = action;
    const roles = Object.keys(rolePermissions) as Role[];

    // Act
    const values = roles.map((role) => [role, rules.sessionTagsFor(role)]);

    // Assess
    expect(rules.sessionTagsClaim).toBe(sessionTagsClaim);
    expect(rules.roleTagKey).toBe(roleTagKey);
    expect(values).toStrictEqual(roles.map((role) => [role, roleSessionTags(role)]));
  });
});
