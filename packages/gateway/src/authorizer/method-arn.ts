/** Where a method ARN points. */
export interface MethodArnParts {
  readonly region: string;
  readonly accountId: string;
  readonly apiId: string;
  readonly stage: string;
  readonly method: string;
  /** The concrete request path (`/pets/7`), not the route template (A1). */
  readonly path: string;
}

/**
 * The `methodArn` API Gateway sends to a TOKEN authorizer (A1).
 *
 * @example
 * methodArn({ region: 'us-east-1', accountId: '123456789012', apiId: 'abc123', stage: 'prod', method: 'GET', path: '/pets/7' })
 * // 'arn:aws:execute-api:us-east-1:123456789012:abc123/prod/GET/pets/7'
 */
export function methodArn(parts: MethodArnParts): string {
  const { region, accountId, apiId, stage, method, path } = parts;
  return `arn:aws:execute-api:${region}:${accountId}:${apiId}/${stage}/${method}/${path.replace(/^\//, '')}`;
}
