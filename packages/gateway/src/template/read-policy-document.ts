import type { PolicyDocument } from '@petstore/iam-policy/evaluate';
import {
  type AuthorizationRequest,
  evaluateRequest,
  InvalidPolicyError,
} from '@petstore/iam-policy/request';
import type { Diagnostics } from './diagnostics';
import { isRecord } from './load-template';

/** A request of each kind, only to have the evaluator check every statement of a policy. */
const probes: Readonly<Record<'identity' | 'trust', AuthorizationRequest>> = {
  identity: {
    action: 'execute-api:Invoke',
    resource: 'arn:aws:execute-api:us-east-1:000000000000:probe/probe/GET/',
    context: new Map(),
  },
  trust: {
    action: 'sts:AssumeRoleWithWebIdentity',
    principal: { type: 'Federated', id: 'probe' },
    context: new Map(),
  },
};

/**
 * Reads an IAM policy document property, intrinsics already resolved: an object, or a JSON
 * string (as `!Sub` builds one). A single statement object becomes a list of one. Returns
 * `undefined` after an error naming `where` when it is not valid JSON or a policy IAM would
 * refuse (for an identity policy: a statement without `Resource`; for a trust policy: one with
 * it); what the local evaluator does not implement (a condition operator, a policy variable) is
 * a warning, and requests it would decide are refused when they come.
 *
 * @example
 * readPolicyDocument('{"Version":"2012-10-17","Statement":[]}', 'Role AdminRole.AssumeRolePolicyDocument', 'trust', diagnostics)
 * // { Version: '2012-10-17', Statement: [] }
 */
export function readPolicyDocument(
  value: unknown,
  where: string,
  kind: 'identity' | 'trust',
  diagnostics: Diagnostics,
): PolicyDocument | undefined {
  let document = value;
  if (typeof value === 'string') {
    try {
      document = JSON.parse(value);
    } catch (error) {
      diagnostics.error(where, `is not valid JSON (${(error as Error).message})`);
      return undefined;
    }
  }
  if (!isRecord(document)) {
    diagnostics.error(where, 'must be a policy document (an object or a JSON string)');
    return undefined;
  }
  const statements = isRecord(document.Statement) ? [document.Statement] : document.Statement;
  if (!Array.isArray(statements)) {
    diagnostics.error(where, 'has no Statement list');
    return undefined;
  }
  let valid = true;
  statements.forEach((statement: unknown, index) => {
    const at = `${where}.Statement[${index}]`;
    if (!isRecord(statement)) {
      diagnostics.error(at, 'must be an object');
      valid = false;
    } else if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') {
      diagnostics.error(
        `${at}.Effect`,
        `must be Allow or Deny, not ${JSON.stringify(statement.Effect)}`,
      );
      valid = false;
    }
  });
  if (!valid) return undefined;
  const policy = { ...document, Statement: statements } as unknown as PolicyDocument;
  try {
    evaluateRequest([policy], probes[kind]);
  } catch (error) {
    if (error instanceof InvalidPolicyError) {
      diagnostics.error(where, `is not a valid ${kind} policy: ${error.message}`);
      return undefined;
    }
    diagnostics.warn(
      where,
      `cannot be evaluated locally (${(error as Error).message}): requests it decides are refused`,
    );
  }
  return policy;
}
