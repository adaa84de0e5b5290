import { type OperationRow, operations } from '@petstore/api-contract/operations';
import { evaluatePolicy } from '@petstore/iam-policy/evaluate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthorizerResult } from '../../src/authorize';
import { api, testAuthorizer, tokenEvent } from '../support/authorizer';
import { type JwksServer, startJwksServer } from '../support/jwks-server';
import { type SigningKey, signingKey } from '../support/keys';
import { accessToken, admin, buyer, machine } from '../support/tokens';

// A9: API Gateway reuses one token's policy for every route of the API for the TTL. So the
// policy, whichever route was called, must answer right for every route there is.

/** Path parameter values, including ones that look like other routes' segments. */
const petIds = ['42', 'purchase', 'me', 'pets', 'x', 'a-b_c.d'];

function concretePaths(operation: OperationRow): string[] {
  return petIds.map((id) => operation.path.replace('{petId}', id));
}

const callers = {
  admin: { claims: admin, grants: admin.permissions },
  buyer: { claims: buyer, grants: buyer.permissions },
  machine: { claims: machine, grants: ['read:pets'] },
  purchaser: { claims: { sub: 'p', permissions: ['purchase:pets'] }, grants: ['purchase:pets'] },
  deleter: { claims: { sub: 'd', permissions: ['delete:pets'] }, grants: ['delete:pets'] },
  everything: {
    claims: { sub: 'e', scope: 'read:pets create:pets delete:pets purchase:pets' },
    grants: ['read:pets', 'create:pets', 'delete:pets', 'purchase:pets'],
  },
  nobody: { claims: { sub: 'n', permissions: [] }, grants: [] },
} as const;

/** Requests that are no route of the API (the gateway answers them 403 before any authorizer). */
const nonRoutes = [
  ['PUT', '/pets/42'],
  ['PATCH', '/pets'],
  ['POST', '/pets/42'],
  ['DELETE', '/pets'],
  ['GET', '/pets/42/purchase'],
  ['DELETE', '/pets/42/purchase'],
  ['POST', '/pets/42/purchase/more'],
  ['POST', '/pets/a/b/purchase'],
  ['GET', '/'],
  ['GET', '/pets/'],
  ['POST', '/me'],
] as const;

/** The same routes elsewhere: another stage, API, region or account. */
const elsewhere = [
  'arn:aws:execute-api:eu-west-1:123456789012:abc123/dev',
  'arn:aws:execute-api:eu-west-1:123456789012:other9/prod',
  'arn:aws:execute-api:us-east-1:123456789012:abc123/prod',
  'arn:aws:execute-api:eu-west-1:210987654321:abc123/prod',
];

describe('A9: one policy, right for every route of the API', () => {
  let key: SigningKey;
  let server: JwksServer;
  let authorize: ReturnType<typeof testAuthorizer>;

  beforeAll(async () => {
    key = await signingKey();
    server = await startJwksServer([key.publicJwk]);
    authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
  });
  afterAll(() => server.close());

  for (const [who, { claims, grants }] of Object.entries(callers)) {
    it(`${who}: the same policy whichever route was called, right for every route`, async () => {
      // Prepare
      const header = `Bearer ${await accessToken(key, claims)}`;
      const granted = (operation: OperationRow) =>
        operation.permissions.every((permission) =>
          (grants as readonly string[]).includes(permission),
        );
      const grantedMethods = new Set(
        operations.filter(granted).map((operation) => operation.method),
      );

      // Act: authorize a call to each route in turn
      const results: AuthorizerResult[] = [];
      for (const operation of operations) {
        for (const path of concretePaths(operation)) {
          results.push(await authorize(tokenEvent(header, operation.method, path)));
        }
      }

      // Assess: one policy...
      const [first, ...rest] = results;
      for (const result of rest) expect(result).toEqual(first);
      const policy = first?.policyDocument;
      if (!policy) throw new Error('no result');
      // ...allowing exactly the granted routes, with every parameter value
      for (const operation of operations) {
        for (const path of concretePaths(operation)) {
          const decision = evaluatePolicy(policy, `${api}/${operation.method}${path}`);
          expect({ route: `${operation.method} ${path}`, allowed: decision === 'allow' }).toEqual({
            route: `${operation.method} ${path}`,
            allowed: granted(operation),
          });
        }
      }
      // ...never widening to a method the permissions do not grant
      for (const [method, path] of nonRoutes) {
        const decision = evaluatePolicy(policy, `${api}/${method}${path}`);
        if (decision === 'allow') expect(grantedMethods).toContain(method);
      }
      // ...and nothing of another stage, API, region or account
      for (const prefix of elsewhere) {
        for (const operation of operations) {
          const arn = `${prefix}/${operation.method}${concretePaths(operation)[0]}`;
          expect(evaluatePolicy(policy, arn)).not.toBe('allow');
        }
      }
    });
  }
});
