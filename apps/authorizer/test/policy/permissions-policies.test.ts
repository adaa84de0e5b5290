import { evaluatePolicy, type PolicyDocument } from '@petstore/iam-policy/evaluate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, testAuthorizer, tokenEvent } from '../support/authorizer';
import { type JwksServer, startJwksServer } from '../support/jwks-server';
import { type SigningKey, signingKey } from '../support/keys';
import { accessToken, admin, buyer, machine } from '../support/tokens';

const routes = {
  list: ['GET', '/pets'],
  read: ['GET', '/pets/42'],
  me: ['GET', '/me'],
  create: ['POST', '/pets'],
  delete: ['DELETE', '/pets/42'],
  purchase: ['POST', '/pets/42/purchase'],
} as const;
type Route = keyof typeof routes;

/** Which routes a policy allows (A7 evaluation, from the gateway emulator). */
function allowed(policy: PolicyDocument): Route[] {
  return (Object.keys(routes) as Route[]).filter((route) => {
    const [method, path] = routes[route];
    return evaluatePolicy(policy, `${api}/${method}${path}`) === 'allow';
  });
}

describe('the policy grants what the permissions grant', () => {
  let key: SigningKey;
  let server: JwksServer;
  let authorize: ReturnType<typeof testAuthorizer>;
  const policyFor = async (claims: Parameters<typeof accessToken>[1]) =>
    (await authorize(tokenEvent(`Bearer ${await accessToken(key, claims)}`))).policyDocument;

  beforeAll(async () => {
    key = await signingKey();
    server = await startJwksServer([key.publicJwk]);
    authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
  });
  afterAll(() => server.close());

  it('admin: create, delete and read, not purchase', async () => {
    // Act
    const policy = await policyFor(admin);
    // Assess
    expect(allowed(policy)).toEqual(['list', 'read', 'me', 'create', 'delete']);
  });

  it('buyer: read and purchase, not create or delete', async () => {
    // Act
    const policy = await policyFor(buyer);
    // Assess
    expect(allowed(policy)).toEqual(['list', 'read', 'me', 'purchase']);
  });

  it('machine token: exactly its granted permissions (scope, or an Auth0 permissions claim)', async () => {
    // Act
    const reader = await policyFor(machine);
    const auth0Purchaser = await policyFor({
      sub: 'shop-bot@clients',
      azp: 'shop-bot',
      gty: 'client-credentials',
      scope: 'read:pets purchase:pets',
      permissions: ['purchase:pets'],
    });
    // Assess: `permissions` wins over `scope` when present
    expect(allowed(reader)).toEqual(['list', 'read', 'me']);
    expect(allowed(auth0Purchaser)).toEqual(['purchase']);
  });

  it('no useful permission: an explicit Deny, so 403 and not 401', async () => {
    // Act
    const policy = await policyFor({ ...buyer, permissions: ['openid', 'admin', 'read:cats'] });
    // Assess
    expect(allowed(policy)).toEqual([]);
    expect(evaluatePolicy(policy, `${api}/GET/pets`)).toBe('explicit-deny');
    expect(policy.Statement).toEqual([
      { Effect: 'Deny', Action: 'execute-api:Invoke', Resource: `${api}/*` },
    ]);
  });

  it('resources name the caller’s region, account, API and stage, with `{param}` as `*`', async () => {
    // Act
    const policy = await policyFor(buyer);
    // Assess
    expect(policy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'execute-api:Invoke',
          Resource: [
            `${api}/GET/pets`,
            `${api}/GET/pets/*`,
            `${api}/POST/pets/*/purchase`,
            `${api}/GET/me`,
          ],
        },
      ],
    });
  });
});
