import { describe, expect, it } from 'vitest';
import { readWebConfig, WebConfigError } from '../../src/config/web-config';

const complete = {
  VITE_OIDC_ISSUER: 'http://127.0.0.1:9000',
  VITE_OIDC_CLIENT_ID: 'petstore-web',
  VITE_API_AUDIENCE: 'https://api.petstore.local',
  VITE_API_URL: 'http://127.0.0.1:3000/',
};

const iam = {
  VITE_OIDC_ISSUER: 'https://tenant.eu.auth0.com/',
  VITE_OIDC_CLIENT_ID: 'spa-client-id',
  VITE_API_MODE: 'iam',
  VITE_IAM_API_URL: 'https://abc123.execute-api.eu-west-1.amazonaws.com/prod/',
  VITE_AWS_REGION: 'eu-west-1',
  VITE_ADMIN_ROLE_ARN: 'arn:aws:iam::123456789012:role/petstore-AdminRole-1A2B',
  VITE_BUYER_ROLE_ARN: 'arn:aws:iam::123456789012:role/petstore-BuyerRole-3C4D',
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
      mode: 'token',
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

describe('readWebConfig in IAM mode', () => {
  it("reads the IAM API's URL, the region, both role ARNs and the region's own STS endpoint", () => {
    // Act
    const config = readWebConfig(iam);

    // Assess
    expect(config.mode).toBe('iam');
    expect(config.apiUrl).toBe('https://abc123.execute-api.eu-west-1.amazonaws.com/prod');
    expect(config.audience).toBeUndefined();
    if (config.mode !== 'iam') throw new Error('expected IAM mode');
    expect(config.iam.region).toBe('eu-west-1');
    expect(config.iam.stsUrl).toBe('https://sts.eu-west-1.amazonaws.com');
    expect([...config.iam.roleArns]).toEqual([
      ['admin', 'arn:aws:iam::123456789012:role/petstore-AdminRole-1A2B'],
      ['buyer', 'arn:aws:iam::123456789012:role/petstore-BuyerRole-3C4D'],
    ]);
  });

  it('takes a local STS and an audience when given, and ignores VITE_API_URL', () => {
    // Act
    const config = readWebConfig({
      ...iam,
      VITE_STS_URL: 'http://127.0.0.1:9001/',
      VITE_API_AUDIENCE: 'https://api.petstore.local',
      VITE_API_URL: 'not read in IAM mode',
    });

    // Assess
    expect(config.mode === 'iam' && config.iam.stsUrl).toBe('http://127.0.0.1:9001');
    expect(config.audience).toBe('https://api.petstore.local');
  });

  it("uses the China regions' STS domain", () => {
    // Act
    const config = readWebConfig({ ...iam, VITE_AWS_REGION: 'cn-north-1' });

    // Assess
    expect(config.mode === 'iam' && config.iam.stsUrl).toBe(
      'https://sts.cn-north-1.amazonaws.com.cn',
    );
  });

  it('names every missing IAM variable, and not the token API ones', () => {
    // Act
    const problems = problemsOf({
      VITE_OIDC_ISSUER: 'http://127.0.0.1:9000',
      VITE_OIDC_CLIENT_ID: 'petstore-web',
      VITE_API_MODE: 'iam',
    });

    // Assess
    expect(problems).toEqual([
      { variable: 'VITE_IAM_API_URL', message: 'is not set' },
      { variable: 'VITE_AWS_REGION', message: 'is not set' },
      { variable: 'VITE_ADMIN_ROLE_ARN', message: 'is not set' },
      { variable: 'VITE_BUYER_ROLE_ARN', message: 'is not set' },
    ]);
  });

  it('refuses a malformed region, STS URL and role ARNs, each by its variable', () => {
    // Act
    const problems = problemsOf({
      ...iam,
      VITE_AWS_REGION: 'Ireland',
      VITE_STS_URL: 'sts.eu-west-1.amazonaws.com',
      VITE_ADMIN_ROLE_ARN: 'arn:aws:iam::123456789012:user/ada',
      VITE_BUYER_ROLE_ARN: 'BuyerRole',
    });

    // Assess
    expect(problems.map((problem) => `${problem.variable} ${problem.message}`)).toEqual([
      'VITE_AWS_REGION is not an AWS region name (like eu-west-1)',
      'VITE_STS_URL is not an http(s) URL',
      'VITE_ADMIN_ROLE_ARN is not an IAM role ARN (like arn:aws:iam::123456789012:role/NAME)',
      'VITE_BUYER_ROLE_ARN is not an IAM role ARN (like arn:aws:iam::123456789012:role/NAME)',
    ]);
  });

  it('refuses an unknown API mode', () => {
    // Act
    const problems = problemsOf({ ...complete, VITE_API_MODE: 'sigv4' });

    // Assess
    expect(problems).toEqual([{ variable: 'VITE_API_MODE', message: 'must be token or iam' }]);
  });
});
