import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TemplateError } from '../../src/errors';
import { readTemplate } from '../../src/template/read-template';
import { type FixtureGateway, fixtures, startFixture } from '../support/start-fixture';

let open: FixtureGateway;
let guarded: FixtureGateway;
let defaults: FixtureGateway;

beforeAll(async () => {
  [open, guarded, defaults] = await Promise.all([
    startFixture('petstore'),
    startFixture('petstore', { parameters: { PreflightNeedsToken: 'true' } }),
    startFixture('cors-default'),
  ]);
});
afterAll(() => Promise.all([open.close(), guarded.close(), defaults.close()]));

const preflight = {
  method: 'OPTIONS',
  headers: { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' },
};

describe('CORS as SAM generates it (AWS-BEHAVIOR.md C1-C3)', () => {
  it("C1: an OPTIONS mock per path answers 200 with the Cors headers and the path's methods", async () => {
    // Act
    const pets = await open.call('/pets', preflight);
    const pet = await open.call('/pets/7', preflight);
    const files = await open.call('/files/a/b', preflight);

    // Assess
    expect(pets.status).toBe(200);
    expect(
      Object.fromEntries([...pets.headers].filter(([name]) => name.startsWith('access-control-'))),
    ).toEqual({
      'access-control-allow-origin': 'https://app.example.com',
      'access-control-allow-headers': 'Authorization,Content-Type',
      'access-control-allow-methods': 'GET,OPTIONS,POST',
      'access-control-max-age': '600',
    });
    expect(pet.headers.get('access-control-allow-methods')).toBe('DELETE,GET,OPTIONS');
    expect(files.headers.get('access-control-allow-methods')).toBe(
      'DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT',
    );
    expect(open.access.slice(-3).map((entry) => entry.authorizer)).toEqual([
      'none',
      'none',
      'none',
    ]);
  });

  it('C1: AllowCredentials adds Access-Control-Allow-Credentials: true', async () => {
    // Act
    const response = await defaults.call('/things', { ...preflight, token: 'allow-all.c1' });

    // Assess
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
    expect(response.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('C2: AddDefaultAuthorizerToCorsPreflight defaults to true: a preflight without a token is a 401', async () => {
    // Act
    const response = await defaults.call('/things', preflight);

    // Assess
    expect(response.status).toBe(401);
  });

  it('C2: set to true, the preflight goes through the authorizer; set to false, it needs no token', async () => {
    // Act
    const withoutToken = await guarded.call('/pets', preflight);
    const withToken = await guarded.call('/pets', { ...preflight, token: 'allow-all.c2' });
    const open200 = await open.call('/pets', preflight);

    // Assess
    expect(withoutToken.status).toBe(401);
    expect(withToken.status).toBe(200);
    expect((await guarded.authorizerCalls())[0]?.methodArn).toMatch(/\/test\/OPTIONS\/pets$/);
    expect(open200.status).toBe(200);
  });

  it('C3: Cors values are quoted strings in the template, and an unquoted one is refused at start-up', async () => {
    // Act
    const reading = readTemplate(join(fixtures, 'invalid', 'unquoted-cors.yaml'));

    // Assess
    await expect(reading).rejects.toThrow(TemplateError);
    await expect(reading).rejects.toThrow(
      /Cors\.AllowOrigin: "https:\/\/app\.example\.com" must be quoted/,
    );
  });
});
