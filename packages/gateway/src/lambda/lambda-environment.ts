import type { LocalIdentity } from '../template/local-identity';
import type { FunctionModel } from '../template/model';

/** Per-function environment overrides, by logical id; `'*'` applies to every function. */
export type EnvironmentOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

/**
 * The `process.env` of a function's execution environment: Lambda's own variables, then the
 * template's `Environment`, then the caller's overrides (like `sam local --env-vars`, except
 * that overrides may add variables). Nothing is inherited from the gateway's process but PATH;
 * placeholder credentials stand in for the execution role's.
 *
 * @example
 * lambdaEnvironment(fn, defaultIdentity, { ListPets: { DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' } }, '/code')
 * // { AWS_REGION: 'us-east-1', AWS_LAMBDA_FUNCTION_NAME: 'ListPets', ..., DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }
 */
export function lambdaEnvironment(
  fn: FunctionModel,
  identity: LocalIdentity,
  overrides: EnvironmentOverrides,
  taskRoot: string,
): Record<string, string> {
  const today = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
  return {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'en_US.UTF-8',
    AWS_REGION: identity.region,
    AWS_DEFAULT_REGION: identity.region,
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySize),
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${fn.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: `${today}/[$LATEST]${crypto.randomUUID().replaceAll('-', '')}`,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_SESSION_TOKEN: 'local',
    LAMBDA_TASK_ROOT: taskRoot,
    LAMBDA_RUNTIME_DIR: taskRoot,
    _HANDLER: fn.handler,
    ...fn.environment,
    ...overrides['*'],
    ...overrides[fn.logicalId],
  };
}
