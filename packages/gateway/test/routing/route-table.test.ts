import { describe, expect, it } from 'vitest';
import { RouteTable } from '../../src/routing/route-table';
import type { RouteModel } from '../../src/template/model';

const route = (method: string, path: string): RouteModel => ({
  method,
  path,
  integration: { kind: 'lambda', functionId: `${method} ${path}`, timeoutMs: undefined },
  authorization: { type: 'NONE' },
  validation: undefined,
  apiKeyRequired: false,
});

const table = new RouteTable([
  route('GET', '/'),
  route('GET', '/pets'),
  route('GET', '/pets/mine'),
  route('GET', '/pets/{petId}'),
  route('POST', '/pets/{petId}/purchase'),
  route('ANY', '/files/{proxy+}'),
  route('GET', '/files/{proxy+}'),
]);

const found = (method: string, path: string) => {
  const match = table.match(method, path);
  return (
    match && {
      route: `${match.route.method} ${match.route.path}`,
      parameters: match.pathParameters,
    }
  );
};

describe('RouteTable', () => {
  it('prefers a literal segment to a path parameter, and a parameter to a greedy one', () => {
    // Act / Assess
    expect(found('GET', '/pets/mine')).toEqual({ route: 'GET /pets/mine', parameters: {} });
    expect(found('GET', '/pets/7')).toEqual({
      route: 'GET /pets/{petId}',
      parameters: { petId: '7' },
    });
    expect(found('POST', '/pets/7/purchase')?.parameters).toEqual({ petId: '7' });
    expect(found('GET', '/')).toEqual({ route: 'GET /', parameters: {} });
  });

  it('matches the rest of the path with a greedy parameter, and an exact method before ANY', () => {
    // Act / Assess
    // Captured as sent, still percent-encoded (AWS-BEHAVIOR.md Q1).
    expect(found('GET', '/files/a/b%20c')).toEqual({
      route: 'GET /files/{proxy+}',
      parameters: { proxy: 'a/b%20c' },
    });
    expect(found('DELETE', '/files/a')?.route).toBe('ANY /files/{proxy+}');
    expect(found('GET', '/files')).toBeUndefined();
  });

  it('lets ANY stand for the seven REST methods only: another verb finds no method (G1)', () => {
    // Act / Assess
    for (const method of ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']) {
      expect(found(method, '/files/a')?.route).toMatch(/\/files\/\{proxy\+\}$/);
    }
    expect(found('M-SEARCH', '/files/a')).toBeUndefined();
    expect(found('PROPFIND', '/files/a')).toBeUndefined();
  });

  it('finds nothing for an unknown path or method (G1)', () => {
    // Act / Assess
    expect(found('GET', '/owners')).toBeUndefined();
    expect(found('DELETE', '/pets')).toBeUndefined();
    expect(found('GET', '/pets/7/purchase')).toBeUndefined();
  });

  it('refuses sibling path parameters with different names, as API Gateway does', () => {
    // Act / Assess
    expect(
      () => new RouteTable([route('GET', '/pets/{id}'), route('GET', '/pets/{petId}/x')]),
    ).toThrow(/sibling/);
  });
});
