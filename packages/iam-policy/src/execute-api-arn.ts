/** The API and stage part of an execute-api ARN: API Gateway's, never the caller's. */
export interface StageArn {
  /** `aws`, `aws-cn`, `aws-us-gov`... */
  readonly partition: string;
  readonly region: string;
  readonly account: string;
  readonly apiId: string;
  readonly stage: string;
}

/** Where a method ARN points (AWS-BEHAVIOR A1): a stage, a method and a called path. */
export interface MethodArn extends StageArn {
  /** Upper case (`GET`): API Gateway's. */
  readonly method: string;
  /** The concrete request path as the caller typed it (`/pets/7`, `/pets/*`), not a route template. */
  readonly path: string;
}

/**
 * An execute-api ARN whose API Gateway part (partition, region, account, API id, stage,
 * method) does not have the documented shape. Thrown by {@link buildMethodArn} and
 * {@link stagePrefix}: such parts are configuration, and an ARN built from them would be
 * refused by {@link parseMethodArn} (or, with a wildcard, name more than one resource).
 */
export class InvalidMethodArnError extends Error {
  override readonly name = 'InvalidMethodArnError';
  readonly code = 'INVALID_METHOD_ARN';
}

// Everything up to the method is API Gateway's and becomes the prefix of every Resource of a
// policy, so it holds no IAM wildcard (`*`, `?`), separator or space. The path after the method
// is the caller's: any characters, kept only for information, never put in a policy.
const name = '[^:/*?\\s]+';
const partitionShape = /^aws[a-z-]*$/;
const nameShape = new RegExp(`^${name}$`);
const stageShape = /^[^/*?\s]+$/;
const methodShape = /^[A-Z]+$/;
const arnShape = new RegExp(
  `^arn:(aws[a-z-]*):execute-api:(${name}):(${name}):(${name})/([^/*?\\s]+)/([A-Z]+)(/[\\s\\S]*)?$`,
);

/**
 * The ARN prefix every resource of this API and stage shares, ending in `/`.
 * Throws {@link InvalidMethodArnError} for parts a method ARN cannot hold.
 *
 * @example
 * stagePrefix({ partition: 'aws', region: 'eu-west-1', account: '123456789012', apiId: 'abc123', stage: 'prod' })
 * // 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/'
 */
export function stagePrefix(arn: StageArn): string {
  const { partition, region, account, apiId, stage } = arn;
  const wellFormed =
    partitionShape.test(partition) &&
    [region, account, apiId].every((part) => nameShape.test(part)) &&
    stageShape.test(stage);
  if (!wellFormed) {
    throw new InvalidMethodArnError(
      `not an execute-api stage: ${JSON.stringify({ partition, region, account, apiId, stage })}`,
    );
  }
  return `arn:${partition}:execute-api:${region}:${account}:${apiId}/${stage}/`;
}

/**
 * The `methodArn` API Gateway sends to a TOKEN authorizer and authorizes `AWS_IAM` calls
 * against (A1): the stage prefix, the method, then the called path as it came (a path without
 * its leading `/` gets one). Throws {@link InvalidMethodArnError} when API Gateway's part does
 * not have the documented shape, so that {@link parseMethodArn} gives back every ARN built here.
 *
 * @example
 * buildMethodArn({ partition: 'aws', region: 'us-east-1', account: '123456789012', apiId: 'abc123', stage: 'prod', method: 'GET', path: '/pets/7' })
 * // 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/7'
 */
export function buildMethodArn(arn: MethodArn): string {
  if (!methodShape.test(arn.method)) {
    throw new InvalidMethodArnError(`not an execute-api method: ${JSON.stringify(arn.method)}`);
  }
  return `${stagePrefix(arn)}${arn.method}/${arn.path.replace(/^\//, '')}`;
}

/**
 * Splits a method ARN, or `undefined` when its API Gateway part (partition, region, account,
 * API id, stage, method) does not have the documented shape. The called path may hold any
 * character, wildcards and line breaks included; an ARN ending at the method has path `/`.
 *
 * @example
 * parseMethodArn('arn:aws:execute-api:eu-west-1:123456789012:abc123/prod/GET/pets/42')
 * // { partition: 'aws', region: 'eu-west-1', account: '123456789012', apiId: 'abc123',
 * //   stage: 'prod', method: 'GET', path: '/pets/42' }
 */
export function parseMethodArn(methodArn: unknown): MethodArn | undefined {
  const match = typeof methodArn === 'string' ? arnShape.exec(methodArn) : null;
  if (!match) return undefined;
  const [, partition = '', region = '', account = '', apiId = '', stage = '', method = '', path] =
    match;
  return { partition, region, account, apiId, stage, method, path: path ?? '/' };
}
