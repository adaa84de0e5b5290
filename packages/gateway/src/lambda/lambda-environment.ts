import { fileURLToPath } from 'node:url';
import type { LocalIdentity } from '../template/local-identity';
import type { FunctionModel } from '../template/model';

/** Per-function environment overrides, by logical id; `'*'` applies to every function. */
export type EnvironmentOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** Where the local runtime's own code lives (`LAMBDA_RUNTIME_DIR`, `/var/runtime` on AWS). */
const runtimeDir = fileURLToPath(new URL('./worker', import.meta.url));

/**
 * The `process.env` of a function's execution environment (AWS-BEHAVIOR.md F1-F5): Lambda's own
 * variables as AWS sets them, then the template's `Environment` (which may set `TZ`, never a
 * reserved key: F4), then the caller's overrides (like `sam local --env-vars`, except that
 * overrides may add variables). Nothing is inherited from the gateway's process but PATH;
 * placeholder credentials stand in for the execution role's. `taskRoot` is the code folder
 * (`/var/task` on AWS), also the working directory (`PWD`).
 *
 * @example
 * lambdaEnvironment(fn, defaultIdentity, { ListPets: { DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' } }, '/code')
 * // { AWS_REGION: 'us-east-1', AWS_LAMBDA_FUNCTION_NAME: 'ListPets', TZ: ':UTC', ..., DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000' }
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
    TZ: ':UTC',
    PWD: taskRoot,
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
    LAMBDA_RUNTIME_DIR: runtimeDir,
    _HANDLER: fn.handler,
    ...fn.environment,
    ...overrides['*'],
    ...overrides[fn.logicalId],
  };
}
