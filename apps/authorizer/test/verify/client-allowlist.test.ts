import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectRefused, testAuthorizer, tokenEvent } from '../support/authorizer';
import { type JwksServer, startJwksServer } from '../support/jwks-server';
import { type SigningKey, signingKey } from '../support/keys';
import { accessToken, admin, machine } from '../support/tokens';

describe('ALLOWED_CLIENT_IDS: which OAuth clients’ tokens are accepted', () => {
  let key: SigningKey;
  let server: JwksServer;

  beforeAll(async () => {
    key = await signingKey('clients-key');
    server = await startJwksServer([key.publicJwk]);
  });
  afterAll(() => server.close());

  const sign = (claims: Record<string, unknown>) => accessToken(key, { ...admin, ...claims });

  it('unset: a token of any client is accepted', async () => {
    // Prepare
    const authorize = testAuthorizer({ JWKS_URI: server.jwksUri });
    // Act
    const result = await authorize(tokenEvent(`Bearer ${await sign({ client_id: 'anyone' })}`));
    // Assess
    expect(result.principalId).toBe(admin.sub);
  });

  it('set: `client_id` (RFC 9068) or else `azp` (Auth0) must be in the list', async () => {
    // Prepare
    const authorize = testAuthorizer({
      JWKS_URI: server.jwksUri,
      ALLOWED_CLIENT_IDS: 'petstore-spa, stock-sync',
    });
    // Act
    const spa = await authorize(tokenEvent(`Bearer ${await sign({ client_id: 'petstore-spa' })}`));
    const auth0 = await authorize(tokenEvent(`Bearer ${await sign({ azp: 'petstore-spa' })}`));
    const robot = await authorize(tokenEvent(`Bearer ${await accessToken(key, machine)}`));
    // Assess
    expect([spa, auth0, robot].map((result) => result.principalId)).toEqual([
      admin.sub,
      admin.sub,
      machine.sub,
    ]);
  });

  it('set: another client, or no client claim at all, is refused', async () => {
    // Prepare
    const authorize = testAuthorizer({
      JWKS_URI: server.jwksUri,
      ALLOWED_CLIENT_IDS: 'petstore-spa',
    });
    const cases = [
      { client_id: 'rogue-app' },
      { azp: 'rogue-app' },
      { client_id: 'rogue-app', azp: 'petstore-spa' },
      { client_id: 'petstore-spa-2' },
      { client_id: ['petstore-spa'] },
      {},
    ];
    // Act + Assess
    for (const claims of cases) {
      await expectRefused(authorize, `Bearer ${await sign(claims)}`, 'CLIENT_NOT_ALLOWED');
    }
  });
});
