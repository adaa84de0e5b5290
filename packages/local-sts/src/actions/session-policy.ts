import { evaluateRequest, type PolicyDocument } from '@petstore/iam-policy/request';
import { stsErrors } from '../protocol/sts-errors';

/**
 * Reads the `Policy` parameter (a session policy, JSON): an object with `Statement` (one object
 * or a list of them, each with `Effect` Allow or Deny), every statement one that
 * `@petstore/iam-policy` can evaluate (the gateway intersects it with the role's policies).
 * Throws `MalformedPolicyDocument`.
 *
 * @example
 * readSessionPolicy('{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}')
 * // { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }
 */
export function readSessionPolicy(text: string): PolicyDocument {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw stsErrors.malformedPolicy(`session policy is not JSON: ${(error as Error).message}`);
  }
  if (typeof document !== 'object' || document === null || Array.isArray(document))
    throw stsErrors.malformedPolicy('session policy is not a JSON object');
  const { Statement } = document as { Statement?: unknown };
  const statements = Array.isArray(Statement)
    ? Statement
    : Statement === undefined
      ? []
      : [Statement];
  if (statements.length === 0) throw stsErrors.malformedPolicy('session policy has no Statement');
  for (const statement of statements) {
    const effect = (statement as { Effect?: unknown } | null)?.Effect;
    if (effect !== 'Allow' && effect !== 'Deny')
      throw stsErrors.malformedPolicy('a session policy statement has no Effect Allow or Deny');
  }
  const policy = { ...(document as object), Statement: statements } as unknown as PolicyDocument;
  try {
    // Compiles every statement: one IAM would refuse, or that cannot be evaluated, fails here.
    evaluateRequest([policy], {
      action: 'sts:Check',
      resource: 'arn:aws:sts::0:check',
      context: new Map(),
    });
  } catch (error) {
    throw stsErrors.malformedPolicy(`session policy: ${(error as Error).message}`);
  }
  return policy;
}
