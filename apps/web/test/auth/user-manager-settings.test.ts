// @vitest-environment node
import { type DevIdp, startDevIdp } from '@petstore/dev-idp/server';
import { OidcClient } from 'oidc-client-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInArgs } from '../../src/auth/sign-in-args';
import { userManagerSettings } from '../../src/auth/user-manager-settings';
import type { WebConfig } from '../../src/config/web-config';
import { memoryStore } from '../support/memory-store';

let idp: DevIdp;
beforeAll(async () => {
  idp = await startDevIdp({ host: '127.0.0.1', port: 0, memory: true });
});
afterAll(() => idp.close());

const origin = 'http://127.0.0.1:5173';
const config = (overrides: Partial<WebConfig> = {}): WebConfig =>
  ({
    mode: 'token',
    issuer: idp.issuer,
    clientId: 'petstore-web',
    audience: 'https://api.petstore.local',
    audienceParameter: 'resource',
    scope: 'openid profile email offline_access',
    apiUrl: 'http://127.0.0.1:3000',
    ...overrides,
  }) as WebConfig;

/** The authorization request the settings produce, against the dev-idp's real discovery document. */
async function authorizationRequest(webConfig: WebConfig): Promise<URLSearchParams> {
  const client = new OidcClient({
    ...userManagerSettings(webConfig, origin),
    stateStore: memoryStore(),
  });
  const request = await client.createSigninRequest(signInArgs({ pathname: '/', search: '' }));
  expect(request.url.startsWith(`${idp.issuer}/auth?`)).toBe(true);
  return new URL(request.url).searchParams;
}

describe('userManagerSettings', () => {
  it('asks for an authorization code with PKCE (S256), state, nonce and the API as resource', async () => {
    // Act
    const query = await authorizationRequest(config());

    // Assess
    expect(query.get('response_type')).toBe('code');
    expect(query.get('client_id')).toBe('petstore-web');
    expect(query.get('redirect_uri')).toBe(`${origin}/callback`);
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(query.get('state')).toMatch(/\w{16,}/);
    expect(query.get('nonce')).toMatch(/^[0-9a-f]{32}$/);
    expect(query.get('scope')).toBe('openid profile email offline_access');
    expect(query.get('resource')).toBe('https://api.petstore.local');
    expect(query.has('audience')).toBe(false);
  });

  it("sends Auth0's audience parameter instead when configured so", async () => {
    // Act
    const query = await authorizationRequest(config({ audienceParameter: 'audience' }));

    // Assess
    expect(query.get('audience')).toBe('https://api.petstore.local');
    expect(query.has('resource')).toBe(false);
  });

  it('sends no audience at all in IAM mode when none is configured (the IAM API trusts the signature)', async () => {
    // Act
    const query = await authorizationRequest(config({ audience: undefined }));

    // Assess
    expect(query.has('resource')).toBe(false);
    expect(query.has('audience')).toBe(false);
    expect(query.get('scope')).toBe('openid profile email offline_access');
  });

  it('keeps tokens in memory, renews them with the refresh token, and signs out back to the start page', () => {
    // Act
    const settings = userManagerSettings(config(), origin);

    // Assess
    expect(settings.userStore?.constructor.name).toBe('WebStorageStateStore');
    expect(settings.automaticSilentRenew).toBe(true);
    expect(settings.post_logout_redirect_uri).toBe(`${origin}/`);
    expect(settings.revokeTokenTypes).toEqual(['refresh_token']);
  });
});
