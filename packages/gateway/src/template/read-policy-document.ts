import type { PolicyDocument } from '@petstore/iam-policy/evaluate';
import type { Diagnostics } from './diagnostics';
import { isRecord } from './load-template';

/**
 * Reads an IAM policy document property, intrinsics already resolved: an object, or a JSON
 * string (as `!Sub` builds one). A single statement object becomes a list of one. Returns
 * `undefined` after an error naming `where` when it is not valid JSON or not a policy.
 *
 * @example
 * readPolicyDocument('{"Version":"2012-10-17","Statement":[]}', 'Role AdminRole.AssumeRolePolicyDocument', diagnostics)
 * // { Version: '2012-10-17', Statement: [] }
 */
export function readPolicyDocument(
  value: unknown,
  where: string,
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
  return { ...document, Statement: statements } as unknown as PolicyDocument;
}
