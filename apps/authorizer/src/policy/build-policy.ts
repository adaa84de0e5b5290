import type { OperationRow } from '@petstore/api-contract/operations';
import { type MethodArn, stagePrefix } from '@petstore/iam-policy/execute-api-arn';
import { createPlanner, type PolicyPlan } from '@petstore/iam-policy/plan';

/** One statement of the policy we return (a narrower form of aws-lambda's `Statement`). */
export interface IamStatement {
  Effect: 'Allow' | 'Deny';
  Action: string;
  Resource: string | string[];
}

/** The policy document of an authorizer result (AWS-BEHAVIOR A5). */
export interface IamPolicy {
  Version: '2012-10-17';
  Statement: IamStatement[];
}

export type PolicyBuilder = (permissions: readonly string[], arn: MethodArn) => IamPolicy;

const invoke = 'execute-api:Invoke';

/**
 * Builds cache-safe policies (AWS-BEHAVIOR A9): one policy allowing every route of the API
 * and stage that the permissions grant, whichever route was called. With no route granted,
 * an explicit Deny of the whole stage (403, not 401). Plans for every permission set are
 * computed once, here (`@petstore/iam-policy/plan`, which the template's IAM roles are
 * checked against too), so an unsafe table fails at cold start with `UnsafeRouteTableError`.
 *
 * @example
 * const policyFor = createPolicyBuilder(operations);
 * policyFor(['read:pets'], parseMethodArn(event.methodArn))
 * // { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke',
 * //   Resource: ['arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets', ...] }] }
 */
export function createPolicyBuilder(operations: readonly OperationRow[]): PolicyBuilder {
  const planFor = createPlanner(operations);
  // A policy depends on the plan and the stage only: built once for each pair (an environment
  // serves one API's stages, and there are at most 2^permissions plans).
  const built = new Map<string, Map<PolicyPlan, IamPolicy>>();
  return (permissions, arn) => {
    const prefix = stagePrefix(arn);
    const plan = planFor(permissions);
    let ofStage = built.get(prefix);
    if (!ofStage) {
      ofStage = new Map();
      built.set(prefix, ofStage);
    }
    let policy = ofStage.get(plan);
    if (!policy) {
      policy = policyOf(plan, prefix);
      ofStage.set(plan, policy);
    }
    return policy;
  };
}

/** The policy document of a plan for a stage; frozen, since every call with them shares it. */
function policyOf(plan: PolicyPlan, prefix: string): IamPolicy {
  const resources = (patterns: readonly string[]) => patterns.map((pattern) => prefix + pattern);
  const statements: IamStatement[] = [];
  if (plan.allow.length > 0) {
    statements.push({ Effect: 'Allow', Action: invoke, Resource: resources(plan.allow) });
  }
  if (plan.deny.length > 0) {
    statements.push({ Effect: 'Deny', Action: invoke, Resource: resources(plan.deny) });
  }
  if (plan.allow.length === 0) {
    statements.push({ Effect: 'Deny', Action: invoke, Resource: `${prefix}*` });
  }
  for (const statement of statements) {
    if (Array.isArray(statement.Resource)) Object.freeze(statement.Resource);
    Object.freeze(statement);
  }
  Object.freeze(statements);
  const policy: IamPolicy = { Version: '2012-10-17', Statement: statements };
  return Object.freeze(policy);
}
