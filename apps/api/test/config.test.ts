import { ConfigurationError } from '@petstore/domain/configuration-error';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config';
import { loadIdTokenConfig } from '../src/identity/id-token-config';
import { loadTableConfig } from '../src/table-config';

describe('configuration, validated at cold start', () => {
  it('names a missing TABLE_NAME (handlers that use the table)', () => {
    expect(() => loadTableConfig({})).toThrow(/TABLE_NAME/);
  });

  it('names a bad DYNAMODB_ENDPOINT', () => {
    expect(() => loadTableConfig({ TABLE_NAME: 'pets', DYNAMODB_ENDPOINT: 'localhost' })).toThrow(
      /DYNAMODB_ENDPOINT/,
    );
  });

  it('names a bad ALLOWED_ORIGINS entry', () => {
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'http://ok.example,not a url' })).toThrow(
      /ALLOWED_ORIGINS/,
    );
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://app.example/path' })).toThrow(
      /ALLOWED_ORIGINS/,
    );
  });

  it('reads a valid environment', () => {
    expect(
      loadConfig({ ALLOWED_ORIGINS: ' http://127.0.0.1:5173 , https://app.example ' }),
    ).toEqual({
      allowedOrigins: ['http://127.0.0.1:5173', 'https://app.example'],
      assumedRoles: new Map(),
    });
    expect(loadTableConfig({ TABLE_NAME: 'pets', AWS_REGION: 'eu-west-1' })).toEqual({
      tableName: 'pets',
      region: 'eu-west-1',
    });
  });

  it('needs no table for a handler that does not use one', () => {
    expect(loadConfig({})).toEqual({ allowedOrigins: [], assumedRoles: new Map() });
  });

  it('maps ADMIN_ROLE_NAME and BUYER_ROLE_NAME to the domain roles', () => {
    const { assumedRoles } = loadConfig({
      ADMIN_ROLE_NAME: 'petstore-AdminRole-1A2B3C4D5E6F',
      BUYER_ROLE_NAME: 'petstore-BuyerRole-6F5E4D3C2B1A',
    });
    expect([...assumedRoles]).toEqual([
      ['petstore-AdminRole-1A2B3C4D5E6F', 'admin'],
      ['petstore-BuyerRole-6F5E4D3C2B1A', 'buyer'],
    ]);
  });

  it.each([
    ['ADMIN_ROLE_NAME', { ADMIN_ROLE_NAME: 'path/AdminRole' }],
    ['BUYER_ROLE_NAME', { BUYER_ROLE_NAME: 'x'.repeat(65) }],
    ['BUYER_ROLE_NAME', { BUYER_ROLE_NAME: '' }],
    ['BUYER_ROLE_NAME', { ADMIN_ROLE_NAME: 'SameRole', BUYER_ROLE_NAME: 'SameRole' }],
  ])('names %s when it is not a usable role name (%o)', (variable, env) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`^Invalid API configuration: .*${variable}`));
  });
});

describe('ID token configuration (the purchase handler only)', () => {
  const valid = {
    ID_TOKEN_ISSUER: 'https://tenant.eu.auth0.com/',
    ID_TOKEN_JWKS_URI: 'https://tenant.eu.auth0.com/.well-known/jwks.json',
    ID_TOKEN_AUDIENCE: 'spa-client-id',
  };

  it('reads the issuer (trailing slash kept), the JWKS URI and the audience', () => {
    expect(loadIdTokenConfig(valid)).toEqual({
      issuer: 'https://tenant.eu.auth0.com/',
      jwksUri: new URL('https://tenant.eu.auth0.com/.well-known/jwks.json'),
      audience: 'spa-client-id',
    });
  });

  it.each(['ID_TOKEN_ISSUER', 'ID_TOKEN_JWKS_URI', 'ID_TOKEN_AUDIENCE'])(
    'names a missing %s',
    (variable) => {
      expect(() => loadIdTokenConfig({ ...valid, [variable]: undefined })).toThrow(
        new RegExp(variable),
      );
    },
  );

  it('refuses a JWKS over plain http except on a loopback host', () => {
    expect(() =>
      loadIdTokenConfig({ ...valid, ID_TOKEN_JWKS_URI: 'http://idp.example/jwks' }),
    ).toThrow(/ID_TOKEN_JWKS_URI: must use https/);
    expect(
      loadIdTokenConfig({ ...valid, ID_TOKEN_JWKS_URI: 'http://127.0.0.1:9000/jwks' }).jwksUri.href,
    ).toBe('http://127.0.0.1:9000/jwks');
  });
});

describe('the configuration error is the shared one', () => {
  it('is the domain ConfigurationError, its code stable, naming the variable', () => {
    // Act
    const error = (() => {
      try {
        loadTableConfig({ AWS_REGION: 'eu-west-1' });
      } catch (thrown) {
        return thrown;
      }
      throw new Error('the configuration was accepted');
    })();
    // Assess
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ code: 'INVALID_CONFIGURATION', variables: ['TABLE_NAME'] });
    expect((error as Error).message).toMatch(/^Invalid API configuration: TABLE_NAME: /);
  });
});
