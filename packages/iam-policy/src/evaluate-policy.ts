import { evaluateRequest } from './evaluate-request';
import type { PolicyDecision, PolicyDocument } from './policy-document';

export type {
  ConditionBlock,
  ConditionValue,
  OneOrMany,
  PolicyDecision,
  PolicyDocument,
  PolicyStatement,
  PrincipalElement,
} from './policy-document';
export { arnMatches } from './wildcard';

const noContext = new Map<string, string>();

/**
 * Decides whether `policy` (a Lambda authorizer's) lets the caller invoke `methodArn`, as API
 * Gateway does (A7): a matching Deny wins, otherwise a matching Allow is needed. The general
 * evaluator with action `execute-api:Invoke` and no condition keys: a statement with a
 * `Condition` that needs a key does not match.
 *
 * @example
 * evaluatePolicy(policy, 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets')
 * // 'allow' | 'explicit-deny' | 'implicit-deny'
 */
export function evaluatePolicy(policy: PolicyDocument, methodArn: string): PolicyDecision {
  return evaluateRequest([policy], {
    action: 'execute-api:Invoke',
    resource: methodArn,
    context: noContext,
  });
}
