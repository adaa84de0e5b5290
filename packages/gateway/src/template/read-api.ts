import { applyGlobals } from './apply-globals';
import { isRecord, type RawResource } from './load-template';
import { localApiId } from './local-identity';
import type { ApiModel, EndpointType, FunctionModel } from './model';
import type { ApiEvent } from './read-api-events';
import { readAuth } from './read-auth';
import { readCors } from './read-cors';
import { readGatewayResponses } from './read-gateway-responses';
import { readMethodSettings } from './read-method-settings';
import { readRoutes } from './read-routes';
import { type ReadContext, resolveProperty, warnUnknownProperties } from './resolve-property';

const known = new Set([
  // emulated
  'StageName',
  'Auth',
  'Cors',
  'GatewayResponses',
  'MethodSettings',
  'Variables',
  'BinaryMediaTypes',
  'Models',
  'ApiKeySourceType',
  'EndpointConfiguration',
  // no observable local effect
  'Name',
  'Description',
  'TracingEnabled',
  'OpenApiVersion',
  'AccessLogSetting',
  'Tags',
  'PropagateTags',
  'AlwaysDeploy',
  'FailOnWarnings',
  'DisableExecuteApiEndpoint',
  'Mode',
]);

/**
 * Reads the served `AWS::Serverless::Api` (or SAM's implicit `ServerlessRestApi`, which only
 * `Globals.Api` configures) with the routes of its `Api` events.
 *
 * @example
 * readApi('PetsApi', template.Resources.PetsApi, template.Globals?.Api, events, functions, context).stageName // 'prod'
 */
export function readApi(
  logicalId: string,
  resource: RawResource | undefined,
  globals: Readonly<Record<string, unknown>> | undefined,
  events: readonly ApiEvent[],
  functions: ReadonlyMap<string, FunctionModel>,
  context: ReadContext,
): ApiModel {
  const where = `Api ${logicalId}`;
  const { diagnostics } = context;
  const properties = applyGlobals(resource?.Properties, globals);
  warnUnknownProperties(properties, known, where, diagnostics);
  for (const definition of ['DefinitionBody', 'DefinitionUri']) {
    if (properties[definition] !== undefined) {
      diagnostics.error(
        `${where}.${definition}`,
        'OpenAPI definitions are not supported: describe routes with Api events',
      );
    }
  }
  const read = (name: string) => resolveProperty(properties[name], `${where}.${name}`, context);
  const stageName = read('StageName') ?? (resource ? undefined : 'Prod');
  if (typeof stageName !== 'string') diagnostics.error(`${where}.StageName`, 'is required');
  const auth = readAuth(properties.Auth, where, functions, context);
  const cors = readCors(properties.Cors, where, context);
  const variables = read('Variables');
  const models = read('Models');
  return {
    logicalId,
    apiId: localApiId(logicalId),
    stageName: typeof stageName === 'string' ? stageName : 'Prod',
    stageVariables: isRecord(variables) ? stringValues(variables) : {},
    routes: readRoutes(events, auth, cors, where, diagnostics),
    authorizers: auth.authorizers,
    cors,
    gatewayResponses: readGatewayResponses(properties.GatewayResponses, where, context),
    methodSettings: readMethodSettings(properties.MethodSettings, where, context),
    binaryMediaTypes: asStrings(read('BinaryMediaTypes')).map((type) => type.replaceAll('~1', '/')),
    models: isRecord(models) ? models : {},
    apiKeySource: readApiKeySource(read('ApiKeySourceType'), where, context),
    // Attached by readTemplate, which reads the usage plan resources of the whole template.
    usagePlans: [],
    endpointType: readEndpointType(read('EndpointConfiguration'), where, context),
  };
}

function readApiKeySource(
  value: unknown,
  where: string,
  context: ReadContext,
): ApiModel['apiKeySource'] {
  if (value === undefined || value === 'HEADER') return 'HEADER';
  if (value === 'AUTHORIZER') return 'AUTHORIZER';
  context.diagnostics.error(
    `${where}.ApiKeySourceType`,
    `must be HEADER or AUTHORIZER, not ${JSON.stringify(value)}`,
  );
  return 'HEADER';
}

const endpointTypes: readonly EndpointType[] = ['EDGE', 'REGIONAL', 'PRIVATE'];

/** SAM's `EndpointConfiguration`: a type (`REGIONAL`) or `{ Type: REGIONAL, ... }`; `EDGE` when absent. */
function readEndpointType(value: unknown, where: string, context: ReadContext): EndpointType {
  const type = isRecord(value) ? value.Type : value;
  if (type === undefined) return 'EDGE';
  const found = endpointTypes.find((known) => known === type);
  if (found) return found;
  context.diagnostics.error(
    `${where}.EndpointConfiguration`,
    `Type must be one of ${endpointTypes.join(', ')}, not ${JSON.stringify(type)}`,
  );
  return 'EDGE';
}

function stringValues(map: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([key, value]) => [key, String(value)]));
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
