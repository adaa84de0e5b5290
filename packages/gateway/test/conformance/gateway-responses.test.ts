import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureGateway, startFixture } from '../support/start-fixture';

let plain: FixtureGateway;
let customized: FixtureGateway;
/** A short integration timeout, for G6 only: it bounds authorizer calls too, cold starts included. */
let hurried: FixtureGateway;

beforeAll(async () => {
  [plain, customized, hurried] = await Promise.all([
    startFixture('petstore'),
    startFixture('petstore', { parameters: { WithGatewayResponses: 'yes' } }),
    startFixture('petstore', { integrationTimeoutMs: 300 }),
  ]);
});
afterAll(() => Promise.all([plain.close(), customized.close(), hurried.close()]));

describe('gateway responses (AWS-BEHAVIOR.md G1-G8)', () => {
  it('G1: an unknown path or method is a 403 Missing Authentication Token, before any authorizer', async () => {
    // Act
    const path = await plain.call('/nowhere');
    const method = await plain.call('/pets', { method: 'PATCH', token: 'allow-all.g1' });

    // Assess
    for (const response of [path, method]) {
      expect(response.status).toBe(403);
      expect(response.headers.get('x-amzn-ErrorType')).toBe('MissingAuthenticationTokenException');
      expect(await response.json()).toEqual({ message: 'Missing Authentication Token' });
    }
    expect(await plain.authorizerCalls()).toEqual([]);
  });

  it('G2: UNAUTHORIZED is a 401 {"message":"Unauthorized"}', async () => {
    // Act
    const response = await plain.call('/pets', { token: 'unauthorized.g2' });

    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('UnauthorizedException');
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  it('G3: ACCESS_DENIED is a 403 AccessDeniedException', async () => {
    // Act
    const response = await plain.call('/pets/7', { method: 'DELETE', token: 'deny-delete.g3' });

    // Assess
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('AccessDeniedException');
  });

  it('G4: AUTHORIZER_CONFIGURATION_ERROR is a 500 {"message": null}', async () => {
    // Act
    const response = await plain.call('/pets', { token: 'no-policy.g4' });

    // Assess
    expect(response.status).toBe(500);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('AuthorizerConfigurationException');
    expect(await response.json()).toEqual({ message: null });
  });

  it('G6: INTEGRATION_TIMEOUT is a 504 {"message": "Endpoint request timed out"}', async () => {
    // Act
    const response = await hurried.call('/behaviors/slow');

    // Assess
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({ message: 'Endpoint request timed out' });
  });

  it('G7: BAD_REQUEST_PARAMETERS is a 400 naming the missing parameters; the function is not invoked', async () => {
    // Act
    const response = await plain.call('/pets', {
      method: 'POST',
      token: 'allow-all.g7',
      body: '{"type":"dog","price":1}',
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('BadRequestException');
    expect(await response.json()).toEqual({
      message: 'Missing required request parameters: [X-Client]',
    });
    expect(plain.access.at(-1)?.error).toBe('BAD_REQUEST_PARAMETERS');
  });

  it('G7: BAD_REQUEST_BODY is a 400 "Invalid request body" when the body does not fit its model', async () => {
    // Prepare
    const headers = { 'X-Client': 'test' };

    // Act
    const invalid = await plain.call('/pets', {
      method: 'POST',
      token: 'allow-all.g7',
      headers,
      body: '{"type":"fish"}',
    });
    const notJson = await plain.call('/pets', {
      method: 'POST',
      token: 'allow-all.g7',
      headers,
      body: 'type=dog',
    });
    const valid = await plain.call('/pets', {
      method: 'POST',
      token: 'allow-all.g7',
      headers,
      body: '{"type":"dog","price":10}',
    });

    // Assess
    for (const response of [invalid, notJson]) {
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ message: 'Invalid request body' });
    }
    expect(valid.status).toBe(200);
  });

  it('G8: GatewayResponses add their headers (static and mapped) and body template to the response of their type', async () => {
    // Act
    const response = await customized.call('/pets', {
      headers: { Origin: 'https://app.example.com' },
    });

    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
    expect(response.headers.get('x-request-origin')).toBe('https://app.example.com');
    const body = (await response.json()) as { message: string; requestId: string };
    expect(body).toEqual({
      message: 'Unauthorized',
      requestId: response.headers.get('x-amzn-RequestId'),
    });
  });

  it('G8: a type the template does not list falls back to DEFAULT_4XX / DEFAULT_5XX', async () => {
    // Act
    const denied = await customized.call('/pets/7', { method: 'DELETE', token: 'deny-delete.g8' });
    const invalid = await customized.call('/pets', {
      method: 'POST',
      token: 'allow-all.g8',
      body: '{}',
    });
    const failed = await customized.call('/pets', { token: 'no-policy.g8' });
    const crashed = await customized.call('/behaviors/throws');

    // Assess
    for (const response of [denied, invalid]) {
      expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
      expect(response.headers.get('vary')).toBe('Origin');
      expect(response.headers.get('x-failure')).toBeNull();
    }
    expect(await denied.json()).toEqual({
      Message: 'User is not authorized to access this resource with an explicit deny',
    });
    for (const response of [failed, crashed]) {
      expect(response.headers.get('x-failure')).toBe('gateway');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect([failed.status, crashed.status]).toEqual([500, 502]);
  });

  it('G8: StatusCode and ResponseTemplates of a listed type replace the defaults (and its DEFAULT_4XX headers)', async () => {
    // Act
    const response = await customized.call('/nowhere');

    // Assess
    expect(response.status).toBe(404);
    expect(response.headers.get('x-amzn-ErrorType')).toBe('MissingAuthenticationTokenException');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(await response.json()).toEqual({ message: 'Not Found', path: '/test/nowhere' });
  });

  it('G8: without GatewayResponses a browser cannot read a 401: it has no CORS header', async () => {
    // Act
    const response = await plain.call('/pets', { headers: { Origin: 'https://app.example.com' } });

    // Assess
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
