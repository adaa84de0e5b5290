import { AuthorizerFaultError } from '../errors';

/** The parts of a TOKEN authorizer event's `methodArn` (AWS-BEHAVIOR A1). */
export interface MethodArn {
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly apiId: string;
  readonly stage: string;
  readonly method: string;
  /** The concrete request path, e.g. `/pets/42`. */
  readonly path: string;
}

/**
 * Everything up to the method is API Gateway's (A1) and becomes the prefix of every Resource, so
 * it must hold no IAM wildcard (`*`, `?`) or separator. The path after the method is the
 * caller's, as typed (`/pets/*` is a request path like any other): any characters, kept only
 * for information, never put in a policy.
 */
const shape =
  /^arn:(aws[a-z-]*):execute-api:([^:/*?\s]+):([^:/*?\s]+):([^:/*?\s]+)\/([^/*?\s]+)\/([A-Z]+)(\/[\s\S]*)?$/;

/**
 * Splits a methodArn. One whose API Gateway part (partition, region, account, API id, stage,
 * method) does not have the documented shape is API Gateway's (or the emulator's) fault, not
 * the token's: {@link AuthorizerFaultError} `INVALID_METHOD_ARN`. The called path may hold any
 * character, wildcards included.
 *
 * @example
 * parseMethodArn('arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/42')
 * // { partition: 'aws', region: 'eu-west-1', account: '123456789012', apiId: 'abc123',
 * //   stage: 'prod', method: 'GET', path: '/pets/42' }
 */
export function parseMethodArn(methodArn: unknown): MethodArn {
  const match = typeof methodArn === 'string' ? shape.exec(methodArn) : null;
  if (!match) throw new AuthorizerFaultError('INVALID_METHOD_ARN');
  const [, partition = '', region = '', account = '', apiId = '', stage = '', method = '', path] =
    match;
  return { partition, region, account, apiId, stage, method, path: path ?? '/' };
}

/**
 * The ARN prefix every resource of this API and stage shares, ending in `/`.
 *
 * @example
 * stagePrefix(parseMethodArn(arn)) // 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/'
 */
export function stagePrefix(arn: MethodArn): string {
  return `arn:${arn.partition}:execute-api:${arn.region}:${arn.account}:${arn.apiId}/${arn.stage}/`;
}
