import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTokenApi, type TokenApi } from './support/token-api';

// A token-shaped header on a path holding `*` or `?` (the route /pets/{petId} matches it) goes
// to the real authorizer bundle with that path in its methodArn: a bad token must be a 401,
// never the authorizer's 500. Needs the authorizer built (turbo does it).

const calls = [
  ['GET', '/pets/*'],
  ['GET', '/pets/%3F'],
  ['GET', '/pets/a*b%3Fc'],
  ['DELETE', '/pets/*'],
  ['POST', '/pets/*/purchase'],
  ['POST', '/pets/%3F*/purchase'],
] as const;

describe('the authorizer on the gateway, whatever path was called', () => {
  let api: TokenApi;
  const seconds = () => Math.floor(Date.now() / 1000);

  beforeAll(async () => {
    api = await startTokenApi({});
  });
  afterAll(() => api?.close());

  it.each(calls)(
    'a token-shaped header that is no good token, on %s %s: 401',
    async (method, path) => {
      // Prepare: well-formed and signed, but expired
      const expired = `Bearer ${api.accessToken({ iat: seconds() - 600, exp: seconds() - 300 })}`;
      // Act
      const answer = await api.call(path, expired, method);
      // Assess
      expect(answer).toEqual({ status: 401, authorizer: 'miss' });
    },
  );

  it('control: a good token of the same provider is authorized', async () => {
    // Prepare
    const good = `Bearer ${api.accessToken({ iat: seconds(), exp: seconds() + 600 })}`;
    // Act
    const me = await api.call('/me', good);
    // Assess
    expect(me).toEqual({ status: 200, authorizer: 'miss' });
  });
});
