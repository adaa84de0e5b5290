// The environment variables Lambda sets itself and refuses in a function's configuration
// (AWS-BEHAVIOR.md F4). The list is the AWS CDK's (aws/aws-cdk packages/aws-cdk-lib/aws-lambda
// lib/function.ts, "will fail during cloudformation deploy if they're set") with
// AWS_DEFAULT_REGION, whose CloudFormation error aws/aws-cdk#28048 quotes. `TZ`, `LANG`, `PATH`,
// `NODE_OPTIONS` are not reserved (the Lambda guide's "Defined runtime environment variables").

/** Keys a template's `Environment.Variables` may not set. */
export const reservedVariables: ReadonlySet<string> = new Set([
  '_HANDLER',
  '_X_AMZN_TRACE_ID',
  'AWS_DEFAULT_REGION',
  'AWS_REGION',
  'AWS_EXECUTION_ENV',
  'AWS_LAMBDA_FUNCTION_NAME',
  'AWS_LAMBDA_FUNCTION_MEMORY_SIZE',
  'AWS_LAMBDA_FUNCTION_VERSION',
  'AWS_LAMBDA_INITIALIZATION_TYPE',
  'AWS_LAMBDA_LOG_GROUP_NAME',
  'AWS_LAMBDA_LOG_STREAM_NAME',
  'AWS_ACCESS_KEY',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_LAMBDA_RUNTIME_API',
  'LAMBDA_TASK_ROOT',
  'LAMBDA_RUNTIME_DIR',
]);

/**
 * Lambda's error for a configuration that sets reserved keys, word for word as users captured it
 * (mattermost/mattermost-cloud-monitoring#264, neverendingqs/serverless-dotenv-plugin#28), or
 * `undefined` when none is set.
 *
 * @example
 * reservedKeysError(['TABLE_NAME', 'AWS_REGION'])
 * // 'Lambda was unable to configure your environment variables ... Reserved keys used in this request: AWS_REGION'
 */
export function reservedKeysError(names: Iterable<string>): string | undefined {
  const used = [...names].filter((name) => reservedVariables.has(name));
  if (used.length === 0) return undefined;
  return `Lambda was unable to configure your environment variables because the environment variables you have provided contains reserved keys that are currently not supported for modification. Reserved keys used in this request: ${used.join(', ')}`;
}
