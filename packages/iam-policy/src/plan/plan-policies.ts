import { arnMatches } from '../wildcard';
import { type RouteRow, type RouteRule, routeRules } from './route-rules';
import { UnsafeRouteTableError } from './unsafe-route-table-error';

export type { RouteRow, RouteRule } from './route-rules';
export { routeRules } from './route-rules';
export { UnsafeRouteTableError } from './unsafe-route-table-error';

/** Resource patterns relative to the stage (`GET/pets/*`) for one set of permissions. */
export interface PolicyPlan {
  readonly allow: readonly string[];
  readonly deny: readonly string[];
}

/** The plan of any permission set, computed once per table. */
export type Planner = (permissions: readonly string[]) => PolicyPlan;

const nothing: PolicyPlan = { allow: [], deny: [] };

/**
 * Plans every permission set of a table at once (so an unsafe table throws
 * {@link UnsafeRouteTableError} here, at cold start) and answers the plan of any set;
 * permissions the table does not know are ignored.
 *
 * @example
 * const planFor = createPlanner(operations);
 * planFor(['read:pets', 'openid'])
 * // { allow: ['GET/pets', 'GET/pets/*', 'GET/me'], deny: [] }
 */
export function createPlanner(operations: readonly RouteRow[]): Planner {
  const rules = routeRules(operations);
  const universe = permissionUniverse(rules);
  const plans = planPolicies(rules);
  return (permissions) => plans.get(planKey(permissions, universe)) ?? nothing;
}

/**
 * The plan of one permission set: the patterns, relative to the stage, of every route whose
 * permissions are all held (`allow`), and of the routes a granted wildcard would also reach
 * but that need more (`deny`). Checks the whole table, like {@link createPlanner}; build a
 * planner once when asking for several sets.
 *
 * @example
 * planFor(operations, ['read:pets', 'create:pets', 'delete:pets'])
 * // { allow: ['GET/pets', 'POST/pets', 'GET/pets/*', 'DELETE/pets/*', 'GET/me'], deny: [] }
 */
export function planFor(
  operations: readonly RouteRow[],
  permissions: readonly string[],
): PolicyPlan {
  return createPlanner(operations)(permissions);
}

/**
 * The plan for every subset of the table's permissions, keyed by {@link planKey}. Each plan
 * allows every route whose permissions are all held; when a wildcard of an allowed route
 * would also reach a route that is not allowed (IAM `*` crosses `/`), that route is
 * denied explicitly. If such a Deny would also hit an allowed route, the table is refused.
 *
 * @example
 * planPolicies(routeRules(operations)).get(planKey(['read:pets'], universe))
 * // { allow: ['GET/pets', 'GET/pets/*', 'GET/me'], deny: [] }
 */
export function planPolicies(rules: readonly RouteRule[]): ReadonlyMap<string, PolicyPlan> {
  const universe = permissionUniverse(rules);
  if (universe.length > 16) throw new UnsafeRouteTableError('too many distinct permissions');
  const plans = new Map<string, PolicyPlan>();
  for (let mask = 0; mask < 2 ** universe.length; mask += 1) {
    const granted = universe.filter((_, bit) => mask & (1 << bit));
    plans.set(planKey(granted, universe), planGranted(new Set(granted), rules));
  }
  return plans;
}

/**
 * The distinct permissions of a table, in a stable order.
 *
 * @example
 * permissionUniverse(routeRules(operations)) // ['create:pets', 'delete:pets', 'purchase:pets', 'read:pets']
 */
export function permissionUniverse(rules: readonly RouteRule[]): readonly string[] {
  return [...new Set(rules.flatMap((rule) => rule.permissions))].sort();
}

/**
 * The key of a set of permissions: the known ones, in universe order.
 *
 * @example
 * planKey(['read:pets', 'openid', 'create:pets'], universe) // 'create:pets read:pets'
 */
export function planKey(permissions: readonly string[], universe: readonly string[]): string {
  return universe.filter((permission) => permissions.includes(permission)).join(' ');
}

function planGranted(granted: ReadonlySet<string>, rules: readonly RouteRule[]): PolicyPlan {
  const allowed = rules.filter((rule) => rule.permissions.every((name) => granted.has(name)));
  const refused = rules.filter((rule) => !allowed.includes(rule));
  const reached = (rule: RouteRule, patterns: readonly string[]) =>
    rule.samples.some((sample) => patterns.some((pattern) => arnMatches(pattern, sample)));
  const allow = allowed.map((rule) => rule.pattern);
  const denied = refused.filter((rule) => reached(rule, allow));
  const deny = denied.map((rule) => rule.pattern);
  const clash = allowed.find((rule) => reached(rule, deny));
  if (clash) {
    throw new UnsafeRouteTableError(
      `${clash.operationId} cannot be allowed without also allowing ${denied.map((rule) => rule.operationId).join(', ')}`,
    );
  }
  return { allow, deny };
}
