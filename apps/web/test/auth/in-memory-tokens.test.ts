import { User, UserManager } from 'oidc-client-ts';
import { expect, it } from 'vitest';
import { userManagerSettings } from '../../src/auth/user-manager-settings';

it('never writes the tokens to localStorage or sessionStorage', async () => {
  // Prepare
  localStorage.clear();
  sessionStorage.clear();
  const config = {
    mode: 'token',
    issuer: 'http://127.0.0.1:9000',
    clientId: 'petstore-web',
    audience: 'https://api.petstore.local',
    audienceParameter: 'resource',
    scope: 'openid',
    apiUrl: 'http://127.0.0.1:3000',
  } as const;
  const userManager = new UserManager({
    ...userManagerSettings(config, window.location.origin),
    automaticSilentRenew: false,
  });

  // Act
  await userManager.storeUser(
    new User({
      access_token: 'access-token-value',
      refresh_token: 'refresh-token-value',
      token_type: 'Bearer',
      profile: { sub: 's', iss: config.issuer, aud: 'petstore-web', exp: 0, iat: 0 },
    }),
  );

  // Assess: the user is there for the page, and in neither storage
  expect((await userManager.getUser())?.access_token).toBe('access-token-value');
  const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
  expect(stored).not.toContain('token-value');
  expect(localStorage.length + sessionStorage.length).toBe(0);
});
