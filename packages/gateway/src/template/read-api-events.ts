import { isRecord } from './load-template';
import type { RequestParameterModel, RequestValidationModel } from './model';
import {
  type ReadContext,
  refuseUnenforcedAccessControl,
  resolveProperty,
  warnUnknownProperties,
} from './resolve-property';

/** One `Events` entry of type `Api` of a function. */
export interface ApiEvent {
  readonly functionId: string;
  readonly apiLogicalId: string;
  readonly path: string;
  readonly method: string;
  /** `Auth.Authorizer` of the event: a name, `NONE`, `AWS_IAM`, or `undefined` for the API's default. */
  readonly authorizer: string | undefined;
  /** `Auth.InvokeRole` of the event, or `undefined` for the API's. */
  readonly invokeRole: string | undefined;
  readonly validation: RequestValidationModel | undefined;
  readonly timeoutMs: number | undefined;
  /** `Auth.ApiKeyRequired` of the event, or `undefined` for the API's. */
  readonly apiKeyRequired: boolean | undefined;
}

const eventKeys = new Set([
  'Path',
  'Method',
  'RestApiId',
  'Auth',
  'RequestParameters',
  'RequestModel',
  'TimeoutInMillis',
]);
const eventAuthKeys = new Set([
  'Authorizer',
  'InvokeRole',
  'OverrideApiAuth',
  'ApiKeyRequired',
  // refused by refuseUnenforcedAccessControl
  'ResourcePolicy',
]);

/**
 * Reads the `Api` events of a function (those of other types are named in a warning).
 *
 * @example
 * readApiEvents('ListPets', properties.Events, context)
 * // [{ functionId: 'ListPets', apiLogicalId: 'PetsApi', path: '/pets', method: 'GET', ... }]
 */
export function readApiEvents(
  functionId: string,
  events: unknown,
  context: ReadContext,
): ApiEvent[] {
  const result: ApiEvent[] = [];
  for (const [name, event] of Object.entries(isRecord(events) ? events : {})) {
    const where = `Function ${functionId}.Events.${name}`;
    if (!isRecord(event)) continue;
    if (event.Type !== 'Api') {
      context.diagnostics.warn(
        where,
        `events of type ${String(event.Type)} are not emulated (REST Api events only)`,
      );
      continue;
    }
    const raw = isRecord(event.Properties) ? event.Properties : {};
    warnUnknownProperties(raw, eventKeys, where, context.diagnostics);
    const restApiId = raw.RestApiId;
    const apiLogicalId =
      isRecord(restApiId) && typeof restApiId.Ref === 'string'
        ? restApiId.Ref
        : 'ServerlessRestApi';
    if (restApiId !== undefined && apiLogicalId === 'ServerlessRestApi') {
      context.diagnostics.error(
        `${where}.RestApiId`,
        'must be !Ref to an AWS::Serverless::Api of this template',
      );
    }
    const properties = resolveProperty({ ...raw, RestApiId: undefined }, where, context);
    if (!isRecord(properties)) continue;
    const auth = isRecord(properties.Auth) ? properties.Auth : {};
    refuseUnenforcedAccessControl(auth, `${where}.Auth`, context.diagnostics);
    warnUnknownProperties(auth, eventAuthKeys, `${where}.Auth`, context.diagnostics);
    result.push({
      functionId,
      apiLogicalId,
      path: normalizePath(String(properties.Path ?? '/')),
      method: String(properties.Method ?? 'GET').toUpperCase(),
      authorizer: typeof auth.Authorizer === 'string' ? auth.Authorizer : undefined,
      invokeRole: typeof auth.InvokeRole === 'string' ? auth.InvokeRole : undefined,
      validation: readValidation(properties),
      timeoutMs:
        properties.TimeoutInMillis === undefined ? undefined : Number(properties.TimeoutInMillis),
      apiKeyRequired: readApiKeyRequired(auth.ApiKeyRequired, `${where}.Auth`, context),
    });
  }
  return result;
}

/**
 * `ApiKeyRequired` as SAM takes it: a boolean (or its string form); anything else is an error,
 * as a route whose key requirement cannot be read must not be served open.
 *
 * @example
 * readApiKeyRequired(true, 'Api PetsApi.Auth', context) // true
 */
export function readApiKeyRequired(
  value: unknown,
  where: string,
  context: ReadContext,
): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return true;
  if (value === false || value === 'false') return false;
  context.diagnostics.error(
    `${where}.ApiKeyRequired`,
    `must be true or false, not ${JSON.stringify(value)}`,
  );
  return undefined;
}

function normalizePath(path: string): string {
  const withSlash = path.startsWith('/') ? path : `/${path}`;
  return withSlash.length > 1 ? withSlash.replace(/\/+$/, '') : withSlash;
}

/** SAM adds a request validator only through `RequestModel.ValidateBody` / `ValidateParameters`. */
function readValidation(
  properties: Readonly<Record<string, unknown>>,
): RequestValidationModel | undefined {
  const model = isRecord(properties.RequestModel) ? properties.RequestModel : undefined;
  if (!model || (model.ValidateBody === undefined && model.ValidateParameters === undefined))
    return undefined;
  return {
    parameters: readRequestParameters(properties.RequestParameters),
    validateParameters: model.ValidateParameters === true,
    bodyModel: typeof model.Model === 'string' ? model.Model : undefined,
    bodyRequired: model.Required === true,
    validateBody: model.ValidateBody === true,
  };
}

function readRequestParameters(value: unknown): RequestParameterModel[] {
  const entries = Array.isArray(value) ? value : [];
  return entries.flatMap((entry): RequestParameterModel[] => {
    const pairs: [string, unknown][] =
      typeof entry === 'string' ? [[entry, {}]] : isRecord(entry) ? Object.entries(entry) : [];
    return pairs.flatMap(([key, options]) => {
      const match = /^method\.request\.(header|querystring|path)\.(.+)$/.exec(key);
      if (!match) return [];
      const required = isRecord(options) && options.Required === true;
      return [
        { location: match[1] as RequestParameterModel['location'], name: match[2] ?? '', required },
      ];
    });
  });
}
