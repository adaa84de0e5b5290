import { describe, expect, it } from 'vitest';
import { readWebConfig, WebConfigError } from '../../src/config/web-config';

const complete = {
  VITE_OIDC_ISSUER: 'http://127.0.0.1:9000',
  VITE_OIDC_CLIENT_ID: 'petstore-web',
  VITE_API_AUDIENCE: 'https://api.petstore.local',
  VITE_API_URL: 'http://127.0.0.1:3000/',
};

function problemsOf(env: Record<string, unknown>) {
  try {
    readWebConfig(env);
  } catch (error) {
    if (error instanceof WebConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a WebConfigError');
}

describe('readWebConfig', () => {
  it('reads a complete configuration, with defaults for the optional variables', () => {
    // Act
    const config = readWebConfig(complete);

    // Assess
    expect(config).toEqual({
      issuer: 'http://127.0.0.1:9000',
      clientId: 'petstore-web',
      audience: 'https://api.petstore.local',
      audienceParameter: 'resource',
      scope: 'openid profile email offline_access',
      apiUrl: 'http://127.0.0.1:3000',
    });
  });

  it("keeps an issuer's trailing slash (Auth0's issuers have one) and takes Auth0's audience parameter", () => {
    // Prepare
    const env = {
      ...complete,
      VITE_OIDC_ISSUER: 'https://tenant.eu.auth0.com/',
      VITE_OIDC_AUDIENCE_PARAMETER: 'audience',
      VITE_OIDC_SCOPE: 'openid profile offline_access',
    };

    // Act
    const config = readWebConfig(env);

    // Assess
    expect(config.issuer).toBe('https://tenant.eu.auth0.com/');
    expect(config.audienceParameter).toBe('audience');
    expect(config.scope).toBe('openid profile offline_access');
  });

  it('names every missing variable, empty ones included', () => {
    // Act
    const problems = problemsOf({ VITE_OIDC_ISSUER: 'http://127.0.0.1:9000', VITE_API_URL: ' ' });

    // Assess
    expect(problems).toEqual([
      { variable: 'VITE_OIDC_CLIENT_ID', message: 'is not set' },
      { variable: 'VITE_API_AUDIENCE', message: 'is not set' },
      { variable: 'VITE_API_URL', message: 'is not set' },
    ]);
  });

  it('refuses URLs that are not http(s) and an unknown audience parameter', () => {
    // Act
    const problems = problemsOf({
      ...complete,
      VITE_OIDC_ISSUER: 'not a url',
      VITE_API_URL: 'ftp://example.com',
      VITE_OIDC_AUDIENCE_PARAMETER: 'aud',
    });

    // Assess
    expect(problems.map((problem) => `${problem.variable} ${problem.message}`)).toEqual([
      'VITE_OIDC_ISSUER is not an http(s) URL',
      'VITE_API_URL is not an http(s) URL',
      'VITE_OIDC_AUDIENCE_PARAMETER must be resource or audience',
    ]);
  });

  it('says which variables in its message and has a stable code', () => {
    // Act
    const error = (() => {
      try {
        return readWebConfig({});
      } catch (caught) {
        return caught;
      }
    })();

    // Assess
    expect(error).toBeInstanceOf(WebConfigError);
    expect((error as WebConfigError).code).toBe('INVALID_WEB_CONFIGURATION');
    expect((error as WebConfigError).message).toContain('VITE_OIDC_ISSUER is not set');
  });
});
