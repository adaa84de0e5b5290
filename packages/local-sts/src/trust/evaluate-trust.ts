import { evaluateRequest, type PolicyDecision } from '@petstore/iam-policy/request';
import type { RoleModel } from '../iam-model';
import type { VerifiedWebIdentity } from '../token/verify-web-identity-token';
import { trustContext } from './trust-context';

/** The trust policy's answer, with the action it refused when it did. */
export type TrustDecision =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly action: string; readonly decision: PolicyDecision };

/**
 * Whether a role's trust policy lets this web identity assume it: principal `Federated` = the
 * provider's ARN, action `sts:AssumeRoleWithWebIdentity`, and `sts:TagSession` too when the token
 * carries session tags, with the condition keys of {@link trustContext}. An unsupported operator
 * in the policy throws (`UnsupportedConditionError`): never read as true.
 *
 * @example
 * evaluateTrust(role, identity) // { allowed: true } | { allowed: false, action, decision }
 */
export function evaluateTrust(role: RoleModel, identity: VerifiedWebIdentity): TrustDecision {
  const actions = ['sts:AssumeRoleWithWebIdentity'];
  if (identity.sessionTags && identity.sessionTags.tags.size > 0) actions.push('sts:TagSession');
  const principal = { type: 'Federated', id: identity.provider.arn } as const;
  const context = trustContext(identity);
  for (const action of actions) {
    const decision = evaluateRequest([role.trustPolicy], { action, principal, context });
    if (decision !== 'allow') return { allowed: false, action, decision };
  }
  return { allowed: true };
}

/**
 * Compiles every role's trust policy once, so that an unsupported condition operator or a
 * malformed statement is an error at start-up, naming the role, rather than on first use.
 *
 * @example
 * checkTrustPolicies(iam.roles) // throws: 'Role AdminRole: trust policy: unsupported IAM condition operator "StringEqualz"'
 */
export function checkTrustPolicies(roles: ReadonlyMap<string, RoleModel>): void {
  const problems: string[] = [];
  for (const role of roles.values()) {
    try {
      evaluateRequest([role.trustPolicy], {
        action: 'sts:AssumeRoleWithWebIdentity',
        principal: { type: 'Federated', id: 'arn:aws:iam::000000000000:oidc-provider/check' },
        context: new Map(),
      });
    } catch (error) {
      problems.push(`Role ${role.logicalId}: trust policy: ${(error as Error).message}`);
    }
  }
  if (problems.length > 0) throw new TrustPolicyError(problems);
}

/** Trust policies the local STS cannot evaluate faithfully (listed, one per role). */
export class TrustPolicyError extends Error {
  override readonly name = 'TrustPolicyError';
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(`The local STS cannot evaluate these trust policies:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}
