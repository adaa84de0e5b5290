import { parseMethodArn } from '@petstore/iam-policy/execute-api-arn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, expectEventRefused, testAuthorizer, tokenEvent } from '../support/authorizer';
import { type JwksServer, startJwksServer } from '../support/jwks-server';
import { type SigningKey, signingKey } from '../support/keys';
import { accessToken, buyer } from '../support/tokens';

// The path of a methodArn is the caller's: `GET /pets/*` or `/pets/%3F` reach the authorizer as
// they were typed (the route `/pets/{id}` matches them). They must neither fault the authorizer
// nor reach the policy, which is the same whichever path was called (A9).
const strangePaths = ['/pets/*', '/pets/?', '/pets/*/purchase', '/*', '/pets/a*b?c', '/pets/:x/'];

describe('whatever path was called', () => {
  let key: SigningKey;
  let server: JwksServer;
  let authorize: ReturnType<typeof testAuthorizer>;

  beforeAll(async () => {
    key = await signingKey('path-key');
    server = await startJwksServer([key.publicJwk]);
    authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
  });
  afterAll(() => server.close());

  it.each(strangePaths)(
    'a good token on GET %s gets the policy it gets on GET /pets',
    async (path) => {
      // Prepare
      const header = `Bearer ${await accessToken(key, buyer)}`;
      const reference = await authorize(tokenEvent(header, 'GET', '/pets'));
      // Act
      const result = await authorize(tokenEvent(header, 'GET', path));
      // Assess
      expect(result.policyDocument).toEqual(reference.policyDocument);
      expect(authorize.log.entries.at(-1)?.[0]).toBe('info');
    },
  );

  it.each(strangePaths)('a bad token on GET %s is a 401, not a fault', async (path) => {
    // Prepare
    const expired = await accessToken(key, { ...buyer, iat: 1_000, exp: 2_000 });
    // Act + Assess
    await expectEventRefused(authorize, tokenEvent(`Bearer ${expired}`, 'GET', path), 'EXPIRED');
  });

  it('the called path never appears in a Resource', async () => {
    // Prepare
    const header = `Bearer ${await accessToken(key, buyer)}`;
    // Act
    const result = await authorize(tokenEvent(header, 'GET', '/pets/zz*marker?'));
    // Assess
    const resources = result.policyDocument.Statement.flatMap((s) => [s.Resource].flat());
    expect(resources.length).toBeGreaterThan(0);
    for (const resource of resources) {
      expect(resource).not.toContain('zz');
      expect(resource.startsWith(`${api}/`)).toBe(true);
    }
  });

  it('parseMethodArn keeps any path as it came, wildcards included', () => {
    expect(parseMethodArn(`${api}/GET/pets/*?x\n`)?.path).toBe('/pets/*?x\n');
  });
});
