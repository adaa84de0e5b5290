/** The parts of an STS assumed-role ARN. */
export interface AssumedRoleArn {
  readonly partition: string;
  readonly accountId: string;
  readonly roleName: string;
  /** The `RoleSessionName` the caller gave STS. */
  readonly sessionName: string;
}

/**
 * `arn:PARTITION:sts::ACCOUNT:assumed-role/ROLE_NAME/SESSION_NAME`: the ARN carries the role's
 * name without its path; a role name is 1-64 and a session name 2-64 of `[\w+=,.@-]`.
 */
const pattern =
  /^arn:(aws(?:-[a-z]+)*):sts::(\d{12}):assumed-role\/([\w+=,.@-]{1,64})\/([\w+=,.@-]{2,64})$/;

/**
 * Splits the caller ARN of an `AWS_IAM` request (`requestContext.identity.userArn`) when it is
 * a session of an assumed role; anything else (an IAM user, a root or federated-user ARN, a
 * malformed string) gives `undefined`.
 *
 * @example
 * parseAssumedRoleArn('arn:aws:sts::123456789012:assumed-role/BuyerRole/amazon-demo=7Cbea')
 * // { partition: 'aws', accountId: '123456789012', roleName: 'BuyerRole', sessionName: 'amazon-demo=7Cbea' }
 * parseAssumedRoleArn('arn:aws:iam::123456789012:user/bob') // undefined
 */
export function parseAssumedRoleArn(arn: string): AssumedRoleArn | undefined {
  const match = pattern.exec(arn);
  if (!match) return undefined;
  const [, partition = '', accountId = '', roleName = '', sessionName = ''] = match;
  return { partition, accountId, roleName, sessionName };
}
