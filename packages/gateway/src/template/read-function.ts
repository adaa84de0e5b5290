import { resolve } from 'node:path';
import { runtimeProblem } from '../lambda/node-runtimes';
import { reservedKeysError } from '../lambda/reserved-variables';
import { isRecord, type RawResource } from './load-template';
import type { FunctionModel } from './model';
import { readEsbuild } from './read-esbuild';
import { type ReadContext, resolveProperty, warnUnknownProperties } from './resolve-property';

const known = new Set([
  // emulated
  'Handler',
  'Runtime',
  'CodeUri',
  'Timeout',
  'MemorySize',
  'Environment',
  'FunctionName',
  'Events',
  'ReservedConcurrentExecutions',
  'PackageType',
  // no observable local effect
  'Description',
  'Role',
  'Policies',
  'Tags',
  'Architectures',
  'PermissionsBoundary',
  'AutoPublishAlias',
  'AutoPublishCodeSha256',
  'AutoPublishAliasAllProperties',
  'DeploymentPreference',
  'Tracing',
  'LoggingConfig',
  'KmsKeyArn',
  'RolePath',
  'PropagateTags',
  'RecursiveLoop',
  'VersionDescription',
  'ProvisionedConcurrencyConfig',
  'EphemeralStorage',
  'AssumeRolePolicyDocument',
  'DeadLetterQueue',
  'EventInvokeConfig',
  'SnapStart',
  'RuntimeManagementConfig',
  'CodeSigningConfigArn',
  'VpcConfig',
]);

/**
 * Reads an `AWS::Serverless::Function` (Globals already merged) into what the gateway runs.
 *
 * @example
 * readFunction('ListPets', resource, properties, context)
 * // { functionName: 'ListPets', handler: 'index.handler', timeoutSeconds: 3, ... }
 */
export function readFunction(
  logicalId: string,
  resource: RawResource,
  properties: Readonly<Record<string, unknown>>,
  context: ReadContext,
): FunctionModel {
  const where = `Function ${logicalId}`;
  const { diagnostics } = context;
  const read = (name: string) => resolveProperty(properties[name], `${where}.${name}`, context);
  warnUnknownProperties(properties, known, where, diagnostics);

  const packageType = read('PackageType');
  if (packageType !== undefined && packageType !== 'Zip') {
    diagnostics.error(
      `${where}.PackageType`,
      `${String(packageType)} functions are not supported (Zip only)`,
    );
  }
  const runtime = String(read('Runtime') ?? '');
  const runtimeError = runtimeProblem(runtime);
  if (runtimeError) diagnostics.error(`${where}.Runtime`, runtimeError);
  const codeUri = read('CodeUri');
  if (typeof codeUri !== 'string') {
    diagnostics.error(
      `${where}.CodeUri`,
      'must be a local folder (S3 locations and InlineCode are not supported)',
    );
  }
  const handler = read('Handler');
  if (typeof handler !== 'string' || !handler.includes('.')) {
    diagnostics.error(`${where}.Handler`, 'must be "<file>.<export>"');
  }
  const functionName = String(read('FunctionName') ?? logicalId);
  const arn = context.scope.resourceAttribute(logicalId, 'Arn') ?? functionName;
  const reserved = read('ReservedConcurrentExecutions');
  const environment = readEnvironment(properties.Environment, where, context);
  const reservedKeys = reservedKeysError(Object.keys(declaredVariables(properties.Environment)));
  if (reservedKeys) diagnostics.error(`${where}.Environment`, reservedKeys);
  if (reserved !== undefined && !(Number.isInteger(Number(reserved)) && Number(reserved) >= 0)) {
    diagnostics.error(`${where}.ReservedConcurrentExecutions`, 'must be a whole number, 0 or more');
  }
  return {
    logicalId,
    functionName,
    arn,
    codeDir: resolve(context.templateDir, typeof codeUri === 'string' ? codeUri : '.'),
    handler: typeof handler === 'string' ? handler : 'index.handler',
    runtime,
    timeoutSeconds: Number(read('Timeout') ?? 3),
    memorySize: Number(read('MemorySize') ?? 128),
    environment,
    reservedConcurrency: reserved === undefined ? undefined : Number(reserved),
    build: readEsbuild(resource.Metadata, where, diagnostics),
  };
}

function declaredVariables(environment: unknown): Readonly<Record<string, unknown>> {
  return isRecord(environment) && isRecord(environment.Variables) ? environment.Variables : {};
}

function readEnvironment(environment: unknown, where: string, context: ReadContext) {
  const variables = declaredVariables(environment);
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) {
    const resolved = resolveProperty(value, `${where}.Environment.${name}`, context, 'warning');
    if (resolved !== undefined) result[name] = String(resolved);
  }
  return result;
}
