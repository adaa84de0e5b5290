import { arnMatches } from '@petstore/iam-policy/evaluate';
import { UnsafeRouteTableError } from '../errors';
import type { RouteRule } from './route-rules';

/** Resource patterns relative to the stage (`GET/pets/*`) for one set of permissions. */
export interface PolicyPlan {
  readonly allow: readonly string[];
  readonly deny: readonly string[];
}

/**
 * The plan for every subset of the table's permissions, keyed by {@link planKey}. Each plan
 * allows every route whose permissions are all held; when a wildcard of an allowed route
 * would also reach a route that is not allowed (IAM `*` crosses `/`, A8), that route is
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
    plans.set(planKey(granted, universe), planFor(new Set(granted), rules));
  }
  return plans;
}

/** The distinct permissions of a table, in a stable order. */
export function permissionUniverse(rules: readonly RouteRule[]): readonly string[] {
  return [...new Set(rules.flatMap((rule) => rule.permissions))].sort();
}

/** The key of a set of permissions: the known ones, in universe order. */
export function planKey(permissions: readonly string[], universe: readonly string[]): string {
  return universe.filter((permission) => permissions.includes(permission)).join(' ');
}

function planFor(granted: ReadonlySet<string>, rules: readonly RouteRule[]): PolicyPlan {
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
