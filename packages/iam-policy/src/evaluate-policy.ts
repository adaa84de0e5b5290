/** An IAM policy as a Lambda authorizer returns it (AWS-BEHAVIOR.md A5). */
export interface PolicyDocument {
  readonly Version: string;
  readonly Statement: readonly PolicyStatement[];
}

export interface PolicyStatement {
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: string | readonly string[];
  readonly Resource: string | readonly string[];
}

/** `explicit-deny` and `implicit-deny` answer differently (A7), so they are told apart. */
export type PolicyDecision = 'allow' | 'explicit-deny' | 'implicit-deny';

/**
 * Decides whether `policy` lets the caller invoke `methodArn`, as API Gateway does (A7):
 * a matching Deny wins, otherwise a matching Allow is needed.
 *
 * @example
 * evaluatePolicy(policy, 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets')
 * // 'allow' | 'explicit-deny' | 'implicit-deny'
 */
export function evaluatePolicy(policy: PolicyDocument, methodArn: string): PolicyDecision {
  const matching = policy.Statement.filter(
    (statement) =>
      asList(statement.Action).some((action) => matchesInvoke(action)) &&
      asList(statement.Resource).some((resource) => arnMatches(resource, methodArn)),
  );
  if (matching.some((statement) => statement.Effect === 'Deny')) return 'explicit-deny';
  if (matching.some((statement) => statement.Effect === 'Allow')) return 'allow';
  return 'implicit-deny';
}

/**
 * Whether an IAM resource pattern matches an ARN (A8): `*` matches any run of characters,
 * `/` included, `?` exactly one; the pattern must match the whole ARN.
 *
 * @example
 * arnMatches('arn:aws:execute-api:*:*:abc123/prod/GET/pets/*', 'arn:aws:execute-api:us-east-1:1:abc123/prod/GET/pets/7') // true
 */
export function arnMatches(pattern: string, arn: string): boolean {
  return globToRegExp(pattern).test(arn);
}

function matchesInvoke(action: string): boolean {
  return arnMatches(action.toLowerCase(), 'execute-api:invoke');
}

const cache = new Map<string, RegExp>();

function globToRegExp(pattern: string): RegExp {
  let compiled = cache.get(pattern);
  if (!compiled) {
    const body = Array.from(pattern, (char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    }).join('');
    compiled = new RegExp(`^${body}$`, 's');
    if (cache.size > 1000) cache.clear();
    cache.set(pattern, compiled);
  }
  return compiled;
}

function asList(value: string | readonly string[]): readonly string[] {
  return typeof value === 'string' ? [value] : value;
}
