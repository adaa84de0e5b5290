import { ConfigurationError } from '@petstore/domain/configuration-error';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';

const required = {
  TOKEN_ISSUER: 'http://127.0.0.1:9000',
  JWKS_URI: 'http://127.0.0.1:9000/jwks',
  AUDIENCE: 'https://api.petstore.local',
};

function problemWith(env: Record<string, string | undefined>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigurationError);
    return (error as Error).message;
  }
  throw new Error('the configuration was accepted');
}

describe('configuration from the environment', () => {
  it('needs only the issuer, JWKS URI and audience; the rest has safe defaults', () => {
    // Act
    const config = loadConfig(required);
    // Assess
    expect(config).toEqual({
      issuer: required.TOKEN_ISSUER,
      jwksUri: new URL(required.JWKS_URI),
      audience: required.AUDIENCE,
      algorithms: ['RS256'],
      requiredType: 'at+jwt',
      permissionsClaim: 'permissions',
      nameClaim: 'name',
      clockToleranceSeconds: 5,
      maxTokenBytes: 8192,
      maxTokenLifetimeSeconds: 86_400,
      jwksCooldownSeconds: 30,
      jwksTimeoutMs: 3000,
      logLevel: 'INFO',
    });
  });

  it('names each missing variable', () => {
    const message = problemWith({ JWKS_URI: required.JWKS_URI });
    expect(message).toContain('TOKEN_ISSUER');
    expect(message).toContain('AUDIENCE');
    expect(message).not.toContain('JWKS_URI');
  });

  it('throws the shared ConfigurationError, its code stable and its variables listed', () => {
    // Act
    const error = (() => {
      try {
        loadConfig({ JWKS_URI: required.JWKS_URI });
      } catch (thrown) {
        return thrown;
      }
      throw new Error('the configuration was accepted');
    })();
    // Assess
    expect(error).toMatchObject({
      code: 'INVALID_CONFIGURATION',
      variables: ['TOKEN_ISSUER', 'AUDIENCE'],
    });
  });

  it('refuses `none` and symmetric algorithms, naming ALLOWED_ALGORITHMS', () => {
    for (const algorithms of ['none', 'HS256', 'RS256,HS512', 'RS256, none', '']) {
      const message = problemWith({ ...required, ALLOWED_ALGORITHMS: algorithms || ',' });
      expect(message).toMatch(/^Invalid authorizer configuration: ALLOWED_ALGORITHMS: /);
    }
  });

  it('accepts a list of asymmetric algorithms', () => {
    expect(
      loadConfig({ ...required, ALLOWED_ALGORITHMS: 'RS256, PS256,ES256' }).algorithms,
    ).toEqual(['RS256', 'PS256', 'ES256']);
  });

  it('JWKS_URI must be https, except on a loopback host', () => {
    expect(problemWith({ ...required, JWKS_URI: 'http://idp.example.com/jwks' })).toContain(
      'JWKS_URI',
    );
    expect(problemWith({ ...required, JWKS_URI: 'file:///etc/jwks.json' })).toContain('JWKS_URI');
    expect(problemWith({ ...required, JWKS_URI: 'not a url' })).toContain('JWKS_URI');
    expect(loadConfig({ ...required, JWKS_URI: 'https://idp.example.com/jwks' }).jwksUri.href).toBe(
      'https://idp.example.com/jwks',
    );
  });

  it('REQUIRE_TOKEN_TYPE empty turns the typ check off; unset keeps at+jwt', () => {
    expect(loadConfig({ ...required, REQUIRE_TOKEN_TYPE: '' })).not.toHaveProperty('requiredType');
    expect(loadConfig({ ...required, REQUIRE_TOKEN_TYPE: 'application/at+jwt' }).requiredType).toBe(
      'application/at+jwt',
    );
    expect(problemWith({ ...required, REQUIRE_TOKEN_TYPE: 'at jwt' })).toContain(
      'REQUIRE_TOKEN_TYPE',
    );
  });

  it('numbers are checked and named', () => {
    const cases = {
      CLOCK_TOLERANCE_SECONDS: '-1',
      MAX_TOKEN_BYTES: '10',
      JWKS_COOLDOWN_SECONDS: 'soon',
      JWKS_TIMEOUT_MS: '60000',
      MAX_TOKEN_LIFETIME_SECONDS: '59',
    };
    for (const [name, value] of Object.entries(cases)) {
      expect(problemWith({ ...required, [name]: value })).toContain(`${name}: `);
    }
  });

  it('empty optional variables count as unset; LOG_LEVEL is case-insensitive', () => {
    // Act
    const config = loadConfig({
      ...required,
      JWKS_FILE: '',
      MAX_TOKEN_BYTES: '',
      LOG_LEVEL: 'debug',
    });
    // Assess
    expect(config).not.toHaveProperty('jwksFile');
    expect(config.maxTokenBytes).toBe(8192);
    expect(config.logLevel).toBe('DEBUG');
    expect(problemWith({ ...required, LOG_LEVEL: 'loud' })).toContain('LOG_LEVEL');
  });

  it('MAX_TOKEN_LIFETIME_SECONDS: 60 s to 30 days, named when wrong', () => {
    expect(loadConfig({ ...required, MAX_TOKEN_LIFETIME_SECONDS: '3600' })).toMatchObject({
      maxTokenLifetimeSeconds: 3600,
    });
    for (const value of ['59', '2592001', '1.5', 'a day']) {
      expect(problemWith({ ...required, MAX_TOKEN_LIFETIME_SECONDS: value })).toMatch(
        /^Invalid authorizer configuration: MAX_TOKEN_LIFETIME_SECONDS: /,
      );
    }
  });

  it('ALLOWED_CLIENT_IDS: a comma-separated list; empty or unset accepts any client', () => {
    expect(loadConfig({ ...required, ALLOWED_CLIENT_IDS: ' spa , m2m' }).allowedClientIds).toEqual([
      'spa',
      'm2m',
    ]);
    expect(loadConfig({ ...required, ALLOWED_CLIENT_IDS: '' })).not.toHaveProperty(
      'allowedClientIds',
    );
    for (const value of ['spa,', ',', 'spa, my app']) {
      expect(problemWith({ ...required, ALLOWED_CLIENT_IDS: value })).toMatch(
        /^Invalid authorizer configuration: ALLOWED_CLIENT_IDS: /,
      );
    }
  });
});
