import { resolve } from 'node:path';
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
  if (!/^nodejs\d+\.x$/.test(runtime)) {
    diagnostics.error(
      `${where}.Runtime`,
      `"${runtime}" is not supported: only nodejs runtimes run locally`,
    );
  }
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
  return {
    logicalId,
    functionName,
    arn,
    codeDir: resolve(context.templateDir, typeof codeUri === 'string' ? codeUri : '.'),
    handler: typeof handler === 'string' ? handler : 'index.handler',
    runtime,
    timeoutSeconds: Number(read('Timeout') ?? 3),
    memorySize: Number(read('MemorySize') ?? 128),
    environment: readEnvironment(properties.Environment, where, context),
    reservedConcurrency: reserved === undefined ? undefined : Number(reserved),
    build: readEsbuild(resource.Metadata, where, diagnostics),
  };
}

function readEnvironment(environment: unknown, where: string, context: ReadContext) {
  const variables =
    isRecord(environment) && isRecord(environment.Variables) ? environment.Variables : {};
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(variables)) {
    const resolved = resolveProperty(value, `${where}.Environment.${name}`, context, 'warning');
    if (resolved !== undefined) result[name] = String(resolved);
  }
  return result;
}
