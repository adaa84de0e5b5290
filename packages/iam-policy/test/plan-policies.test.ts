import { describe, expect, it } from 'vitest';
import { arnMatches } from '../src/evaluate-policy';
import {
  createPlanner,
  permissionUniverse,
  planFor,
  planKey,
  type RouteRow,
  routeRules,
  UnsafeRouteTableError,
} from '../src/plan/plan-policies';

const row = (
  operationId: string,
  method: string,
  path: string,
  permissions: string[],
): RouteRow => ({
  operationId,
  method,
  path,
  permissions,
});

/** The Pet Store's table, written out (this package does not depend on the contract). */
const petStore: readonly RouteRow[] = [
  row('listPets', 'GET', '/pets', ['read:pets']),
  row('createPet', 'POST', '/pets', ['create:pets']),
  row('getPet', 'GET', '/pets/{petId}', ['read:pets']),
  row('deletePet', 'DELETE', '/pets/{petId}', ['delete:pets']),
  row('purchasePet', 'POST', '/pets/{petId}/purchase', ['purchase:pets']),
  row('getMe', 'GET', '/me', ['read:pets']),
];

/** Whether a plan lets `METHOD/path` through: no Deny matches it and an Allow does. */
const lets = (plan: { allow: readonly string[]; deny: readonly string[] }, request: string) =>
  !plan.deny.some((pattern) => arnMatches(pattern, request)) &&
  plan.allow.some((pattern) => arnMatches(pattern, request));

describe('route rules: a path template as an IAM resource pattern', () => {
  it('`{param}` segments become `*`, relative to the stage, method first', () => {
    // Act
    const rules = routeRules(petStore);
    // Assess
    expect(rules.map((rule) => rule.pattern)).toEqual([
      'GET/pets',
      'POST/pets',
      'GET/pets/*',
      'DELETE/pets/*',
      'POST/pets/*/purchase',
      'GET/me',
    ]);
  });

  it('samples give each parameter every literal segment of the table and one fresh value', () => {
    // Act
    const [rule] = routeRules([
      row('getPet', 'GET', '/pets/{petId}', ['r']),
      row('getX', 'GET', '/x', ['r']),
    ]);
    // Assess: `x` is taken by a literal, so the fresh value is `xx`
    expect(rule?.samples).toEqual(['GET/pets/pets', 'GET/pets/x', 'GET/pets/xx']);
  });

  it('templates that cannot be an IAM resource are refused (greedy, wildcard, method case)', () => {
    const unsafe = [
      row('p', 'GET', '/files/{path+}', ['r']),
      row('p', 'GET', '/files/*', ['r']),
      row('p', 'GET', '/files/a?b', ['r']),
      row('p', 'get', '/files', ['r']),
      row('p', 'GET', 'files', ['r']),
    ];
    for (const operation of unsafe) {
      expect(() => routeRules([operation])).toThrow(UnsafeRouteTableError);
    }
  });
});

describe('plans: every route the permissions grant, nothing more (IAM `*` crosses `/`)', () => {
  it('the Pet Store admin and buyer get the routes of their permissions', () => {
    // Act
    const admin = planFor(petStore, ['read:pets', 'create:pets', 'delete:pets']);
    const buyer = planFor(petStore, ['read:pets', 'purchase:pets']);
    // Assess
    expect(admin).toEqual({
      allow: ['GET/pets', 'POST/pets', 'GET/pets/*', 'DELETE/pets/*', 'GET/me'],
      deny: [],
    });
    expect(buyer).toEqual({
      allow: ['GET/pets', 'GET/pets/*', 'POST/pets/*/purchase', 'GET/me'],
      deny: [],
    });
  });

  it('permissions the table does not know are ignored; none known gives an empty plan', () => {
    const planner = createPlanner(petStore);
    expect(planner(['read:pets', 'openid', 'admin'])).toEqual(planner(['read:pets']));
    expect(planner(['openid'])).toEqual({ allow: [], deny: [] });
    expect(planner([])).toEqual({ allow: [], deny: [] });
  });

  it('a route a granted wildcard reaches but that needs more is denied explicitly', () => {
    // Prepare: GET/pets/* also matches GET/pets/7/history
    const table = [
      row('getPet', 'GET', '/pets/{petId}', ['read:pets']),
      row('getHistory', 'GET', '/pets/{petId}/history', ['audit:pets']),
    ];
    // Act
    const reader = planFor(table, ['read:pets']);
    const auditor = planFor(table, ['read:pets', 'audit:pets']);
    // Assess
    expect(reader).toEqual({ allow: ['GET/pets/*'], deny: ['GET/pets/*/history'] });
    expect(lets(reader, 'GET/pets/7')).toBe(true);
    expect(lets(reader, 'GET/pets/7/history')).toBe(false);
    expect(auditor).toEqual({ allow: ['GET/pets/*', 'GET/pets/*/history'], deny: [] });
  });

  it('a parameter taking the value of another route’s literal segment is found', () => {
    // Prepare: GET/stores/*/pets also matches GET/stores/1/aisle-3/pets, a request of
    // /stores/{storeId}/{section}/{item} with item = "pets"
    const table = [
      row('listStorePets', 'GET', '/stores/{storeId}/pets', ['read:pets']),
      row('getStock', 'GET', '/stores/{storeId}/{section}/{item}', ['audit:stock']),
    ];
    // Act
    const plan = planFor(table, ['read:pets']);
    // Assess
    expect(lets(plan, 'GET/stores/1/pets')).toBe(true);
    expect(lets(plan, 'GET/stores/1/aisle-3/pets')).toBe(false);
  });

  it('two templates matching the same request are refused, naming them', () => {
    // Prepare: both match GET /f/y/z; no Allow/Deny pair separates them
    const table = [row('a', 'GET', '/f/{a}/z', ['p']), row('b', 'GET', '/f/y/{b}', ['q'])];
    // Act + Assess
    expect(() => createPlanner(table)).toThrow(UnsafeRouteTableError);
    expect(() => createPlanner(table)).toThrow(/cannot be allowed without also allowing/);
  });

  it('more than 16 distinct permissions are refused (2^n plans are computed up front)', () => {
    const table = Array.from({ length: 17 }, (_, index) =>
      row(`op${index}`, 'GET', `/r${index}`, [`p${index}`]),
    );
    expect(() => createPlanner(table)).toThrow(UnsafeRouteTableError);
    expect(() => createPlanner(table.slice(0, 16))).not.toThrow();
  });
});

describe('plan keys', () => {
  it('keep only the table’s permissions, in the universe’s order', () => {
    const universe = permissionUniverse(routeRules(petStore));
    expect(universe).toEqual(['create:pets', 'delete:pets', 'purchase:pets', 'read:pets']);
    expect(planKey(['read:pets', 'openid', 'create:pets'], universe)).toBe('create:pets read:pets');
  });
});
