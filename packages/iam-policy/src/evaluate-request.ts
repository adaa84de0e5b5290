import {
  type ConditionContext,
  type NormalizedContext,
  normalizeContext,
} from './conditions/condition-context';
import {
  type ConditionTest,
  compileConditions,
  conditionsHold,
} from './conditions/evaluate-conditions';
import { InvalidPolicyError, UnsupportedPolicyError } from './errors';
import type {
  OneOrMany,
  PolicyDecision,
  PolicyDocument,
  PolicyStatement,
  PrincipalElement,
} from './policy-document';
import { checkPrincipal, principalMatches, type RequestPrincipal } from './principal';
import { arnMatches, wildcardMatches } from './wildcard';

export type { ConditionContext } from './conditions/condition-context';
export {
  InvalidPolicyError,
  UnsupportedConditionError,
  UnsupportedPolicyError,
} from './errors';
export type {
  ConditionBlock,
  ConditionValue,
  PolicyDecision,
  PolicyDocument,
  PolicyStatement,
  PrincipalElement,
} from './policy-document';
export type { RequestPrincipal } from './principal';

/** What is asked: may this principal do this action on this resource, in this context? */
export interface AuthorizationRequest {
  /** `service:Action`, e.g. `execute-api:Invoke`, `sts:AssumeRoleWithWebIdentity`. */
  readonly action: string;
  /**
   * The resource's ARN. Omit it for a resource policy evaluated on its own resource (a role's
   * trust policy): its statements then must have no `Resource`.
   */
  readonly resource?: string | undefined;
  /** Needed by statements with a `Principal` (trust policies). */
  readonly principal?: RequestPrincipal | undefined;
  /** Condition keys (case-insensitive) to one value or several. */
  readonly context: ConditionContext;
}

interface CompiledStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly actions: { readonly not: boolean; readonly patterns: readonly string[] };
  readonly resources: { readonly not: boolean; readonly patterns: readonly string[] } | undefined;
  readonly principal: PrincipalElement | undefined;
  readonly conditions: readonly ConditionTest[];
}

const compiled = new WeakMap<PolicyDocument, readonly CompiledStatement[]>();

/**
 * Evaluates policies as IAM does within one account (IAM's policy evaluation logic): a
 * matching `Deny` in any policy wins (`explicit-deny`); otherwise a matching `Allow` in any
 * policy allows; otherwise `implicit-deny`. A statement matches when its action (case-
 * insensitive, `*`/`?` wildcards; `NotAction`: any other), resource (A8; `NotResource`: any
 * other), principal and every condition match. Every statement of every policy is checked
 * first: an unsupported operator or malformed statement throws, whatever the request.
 *
 * @example
 * evaluateRequest([trustPolicy], {
 *   action: 'sts:AssumeRoleWithWebIdentity',
 *   principal: { type: 'Federated', id: providerArn },
 *   context: new Map([['127.0.0.1:9000:aud', 'spa'], ['aws:RequestTag/PetRole', 'admin']]),
 * }) // 'allow'
 */
export function evaluateRequest(
  policies: readonly PolicyDocument[],
  request: AuthorizationRequest,
): PolicyDecision {
  const statements = policies.flatMap((policy) => compile(policy));
  const context = normalizeContext(request.context);
  const matching = statements.filter((statement) => applies(statement, request, context));
  if (matching.some((statement) => statement.effect === 'Deny')) return 'explicit-deny';
  if (matching.some((statement) => statement.effect === 'Allow')) return 'allow';
  return 'implicit-deny';
}

/** The policies of an assumed-role session. */
export interface SessionPolicies {
  /** The role's identity policies (inline and managed). */
  readonly identityPolicies: readonly PolicyDocument[];
  /** The `Policy` given to STS when the role was assumed, if any. */
  readonly sessionPolicy?: PolicyDocument | undefined;
}

/**
 * Evaluates a request of an assumed-role session (IAM's session policies): the session may do
 * only what its role's identity policies allow **and**, when a session policy was given, what
 * that policy allows too. An explicit Deny in either wins.
 *
 * @example
 * evaluateIdentity({ identityPolicies: role.policies, sessionPolicy: session.sessionPolicy }, {
 *   action: 'execute-api:Invoke', resource: methodArn,
 *   context: new Map([['aws:PrincipalTag/PetRole', 'admin']]),
 * }) // 'allow' | 'explicit-deny' | 'implicit-deny'
 */
export function evaluateIdentity(
  { identityPolicies, sessionPolicy }: SessionPolicies,
  request: AuthorizationRequest,
): PolicyDecision {
  const identity = evaluateRequest(identityPolicies, request);
  const session = sessionPolicy ? evaluateRequest([sessionPolicy], request) : 'allow';
  if (identity === 'explicit-deny' || session === 'explicit-deny') return 'explicit-deny';
  if (identity === 'allow' && session === 'allow') return 'allow';
  return 'implicit-deny';
}

function applies(
  statement: CompiledStatement,
  request: AuthorizationRequest,
  context: NormalizedContext,
): boolean {
  const { actions, resources, principal } = statement;
  const actionNamed = actions.patterns.some((pattern) =>
    wildcardMatches(pattern, request.action, { ignoreCase: true }),
  );
  if (actionNamed === actions.not) return false;
  if (request.resource !== undefined) {
    if (!resources) throw new InvalidPolicyError('a statement needs Resource or NotResource');
    const resource = request.resource;
    const named = resources.patterns.some((pattern) => arnMatches(pattern, resource));
    if (named === resources.not) return false;
  } else if (resources) {
    throw new InvalidPolicyError('Resource or NotResource in a policy evaluated without resource');
  }
  if (principal !== undefined) {
    if (!request.principal) throw new InvalidPolicyError('Principal needs the request principal');
    if (!principalMatches(principal, request.principal)) return false;
  }
  return conditionsHold(statement.conditions, context);
}

function compile(policy: PolicyDocument): readonly CompiledStatement[] {
  let statements = compiled.get(policy);
  if (!statements) {
    // IAM also accepts a lone statement object in place of the list.
    const list: readonly unknown[] = Array.isArray(policy.Statement)
      ? policy.Statement
      : [policy.Statement];
    statements = list.map((statement, index) => compileStatement(statement, index));
    compiled.set(policy, statements);
  }
  return statements;
}

function compileStatement(value: unknown, index: number): CompiledStatement {
  if (typeof value !== 'object' || value === null) {
    throw new InvalidPolicyError(`Statement[${index}] is not an object`);
  }
  const statement = value as PolicyStatement & { readonly NotPrincipal?: unknown };
  const where = `Statement[${index}]${statement.Sid ? ` (${statement.Sid})` : ''}`;
  if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
    throw new InvalidPolicyError(`${where}: Effect must be Allow or Deny`);
  }
  if (statement.NotPrincipal !== undefined) {
    throw new UnsupportedPolicyError(`${where}: NotPrincipal is not supported`);
  }
  const actions = either(statement.Action, statement.NotAction, 'Action', where);
  if (!actions) throw new InvalidPolicyError(`${where}: Action or NotAction is required`);
  const resources = either(statement.Resource, statement.NotResource, 'Resource', where);
  if (resources?.patterns.some((pattern) => pattern.includes('${'))) {
    throw new UnsupportedPolicyError(`${where}: policy variables are not supported`);
  }
  if (statement.Principal !== undefined) checkPrincipal(statement.Principal);
  try {
    return {
      effect: statement.Effect,
      actions,
      resources,
      principal: statement.Principal,
      conditions: compileConditions(statement.Condition),
    };
  } catch (error) {
    if (error instanceof InvalidPolicyError || error instanceof UnsupportedPolicyError) {
      error.message = `${where}: ${error.message}`;
    }
    throw error;
  }
}

function either(
  positive: OneOrMany | undefined,
  negative: OneOrMany | undefined,
  name: string,
  where: string,
): { readonly not: boolean; readonly patterns: readonly string[] } | undefined {
  if (positive !== undefined && negative !== undefined) {
    throw new InvalidPolicyError(`${where}: ${name} and Not${name} cannot both be given`);
  }
  const given = positive ?? negative;
  if (given === undefined) return undefined;
  const patterns: readonly unknown[] = typeof given === 'string' ? [given] : given;
  if (patterns.length === 0 || !patterns.every((pattern) => typeof pattern === 'string')) {
    throw new InvalidPolicyError(`${where}: ${name} must be a string or a list of strings`);
  }
  return { not: positive === undefined, patterns: patterns as readonly string[] };
}
