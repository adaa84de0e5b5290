import { describe, expect, it } from 'vitest';
import { devIdpDefaults, resolveDevIdpConfig } from '../../src/config/dev-idp-config';
import { DevIdpConfigError } from '../../src/errors';

describe('resolveDevIdpConfig', () => {
  it('uses the documented defaults when nothing is set', () => {
    // Prepare / Act
    const config = resolveDevIdpConfig({}, {});

    // Assess
    expect(config).toMatchObject({
      host: '127.0.0.1',
      port: 9000,
      audience: 'https://api.petstore.local',
      accessTokenMinutes: 10,
      spa: {
        clientId: 'petstore-web',
        redirectUris: ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173/callback'],
      },
      m2m: { clientId: 'petstore-m2m', permissions: ['read:pets'] },
      autoConsentClients: ['petstore-web'],
    });
    expect(config.dataDir).toMatch(/[/\\]\.data[/\\]dev-idp$/);
  });

  it('reads the environment, and lets options win over it', () => {
    // Prepare
    const env = {
      DEV_IDP_PORT: '9100',
      API_AUDIENCE: 'https://pets.example.com',
      DEV_IDP_M2M_PERMISSIONS: 'read:pets,purchase:pets',
      DEV_IDP_SPA_REDIRECT_URIS: 'http://localhost:4000/cb, http://localhost:4000/',
    };

    // Act
    const config = resolveDevIdpConfig({ port: 0, memory: true }, env);

    // Assess
    expect(config.port).toBe(0);
    expect(config.dataDir).toBeUndefined();
    expect(config.audience).toBe('https://pets.example.com');
    expect(config.m2m.permissions).toEqual(['read:pets', 'purchase:pets']);
    expect(config.spa.redirectUris).toEqual(['http://localhost:4000/cb', 'http://localhost:4000/']);
  });

  it.each([
    ['DEV_IDP_PORT', '70000'],
    ['API_AUDIENCE', 'not a url'],
    ['DEV_IDP_M2M_PERMISSIONS', 'read:pets,be:admin'],
    ['DEV_IDP_M2M_SECRET', 'short'],
  ])('names %s when it is invalid', (name, value) => {
    // Prepare / Act
    const resolve = () => resolveDevIdpConfig({}, { [name]: value });

    // Assess
    expect(resolve).toThrow(DevIdpConfigError);
    expect(resolve).toThrow(new RegExp(`^Environment variable ${name} is invalid`));
  });

  it('names the option that is invalid', () => {
    // Prepare / Act
    const resolve = () => resolveDevIdpConfig({ accessTokenMinutes: 0 }, {});

    // Assess
    expect(resolve).toThrow(/^Option accessTokenMinutes is invalid/);
  });

  it('keeps the machine secret out of nowhere: the default is the documented local one', () => {
    // Prepare / Act
    const config = resolveDevIdpConfig({}, { DEV_IDP_M2M_SECRET: 'a-secret-of-sixteen-chars' });

    // Assess
    expect(config.m2m.clientSecret).toBe('a-secret-of-sixteen-chars');
    expect(resolveDevIdpConfig({}, {}).m2m.clientSecret).toBe(devIdpDefaults.m2mClientSecret);
  });
});

describe('sign-in limits and password hashing settings', () => {
  it('default to 5 failures per email and 20 per address in 15 minutes, and 2 hashes at once', () => {
    // Prepare / Act
    const config = resolveDevIdpConfig({}, {});

    // Assess
    expect(config.signInLimits).toEqual({
      perAccount: { maxFailures: 5, windowSeconds: 900, lockoutSeconds: 900 },
      perAddress: { maxFailures: 20, windowSeconds: 900, lockoutSeconds: 900 },
    });
    expect(config.passwordHashing).toEqual({ maxConcurrent: 2, maxWaiting: 32 });
  });

  it('refuses a limit that is not a positive whole number, naming the option', () => {
    // Prepare
    const rule = { maxFailures: 0, windowSeconds: 60, lockoutSeconds: 60 };

    // Act / Assess
    expect(() =>
      resolveDevIdpConfig({ signInLimits: { perAccount: rule, perAddress: rule } }, {}),
    ).toThrow(/Option signInLimits\.perAccount\.maxFailures is invalid/);
    expect(() =>
      resolveDevIdpConfig({ passwordHashing: { maxConcurrent: 0.5, maxWaiting: 1 } }, {}),
    ).toThrow(DevIdpConfigError);
  });
});
