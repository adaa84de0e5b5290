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

const shape =
  /^arn:(aws[a-z-]*):execute-api:([^:/*?]+):([^:/*?]+):([^:/*?]+)\/([^/*?]+)\/([A-Z]+)(\/[^*?]*)?$/;

/**
 * Splits a methodArn. One that does not have the documented shape is API Gateway's (or the
 * emulator's) fault, not the token's: {@link AuthorizerFaultError} `INVALID_METHOD_ARN`.
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
