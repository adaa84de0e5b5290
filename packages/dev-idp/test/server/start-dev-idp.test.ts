import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevIdpConfigError, PortInUseError } from '../../src/errors';
import { type DevIdp, startDevIdp } from '../../src/server/start-dev-idp';
import { startTestIdp } from '../support/test-idp';

let idp: DevIdp;

beforeAll(async () => {
  ({ idp } = await startTestIdp());
});
afterAll(() => idp.close());

describe('startDevIdp', () => {
  it('serves discovery with the exact issuer and the endpoints the clients need', async () => {
    // Prepare / Act
    const response = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    const discovery = (await response.json()) as Record<string, unknown>;

    // Assess
    expect(idp.issuer).toBe(`http://127.0.0.1:${idp.port}`);
    expect(discovery).toMatchObject({
      issuer: idp.issuer,
      jwks_uri: `${idp.issuer}/jwks`,
      authorization_endpoint: `${idp.issuer}/auth`,
      token_endpoint: `${idp.issuer}/token`,
      end_session_endpoint: `${idp.issuer}/session/end`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
    });
    expect(discovery.grant_types_supported).toEqual(
      expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']),
    );
  });

  it('serves the public half of its RS256 signing key only', async () => {
    // Prepare / Act
    const { keys } = (await (await fetch(idp.jwksUri)).json()) as {
      keys: Record<string, string>[];
    };

    // Assess
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({
      kty: 'RSA',
      alg: 'RS256',
      use: 'sig',
      kid: idp.keys().signingKid,
    });
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi'])
      expect(keys[0]).not.toHaveProperty(secret);
  });

  it('lets the SPA origin call the token endpoint from a browser, and no other origin', async () => {
    // Prepare
    const tokenRequest = (origin: string) =>
      fetch(`${idp.issuer}/token`, {
        method: 'POST',
        headers: { origin, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=refresh_token&refresh_token=unknown&client_id=petstore-web',
      });

    // Act
    const spa = await tokenRequest('http://127.0.0.1:5173');
    const other = await tokenRequest('http://evil.example');

    // Assess
    expect(spa.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('says clearly when the port is taken', async () => {
    // Prepare / Act
    const second = startDevIdp({ port: idp.port, memory: true, env: {} });

    // Assess
    await expect(second).rejects.toBeInstanceOf(PortInUseError);
    await expect(second).rejects.toThrow(`Port ${idp.port}`);
  });

  it('names the environment variable that is invalid', async () => {
    // Prepare / Act
    const started = startDevIdp({ memory: true, env: { DEV_IDP_ACCESS_TOKEN_MINUTES: 'ten' } });

    // Assess
    await expect(started).rejects.toBeInstanceOf(DevIdpConfigError);
    await expect(started).rejects.toThrow(/DEV_IDP_ACCESS_TOKEN_MINUTES/);
  });
});
