import { isRecord } from './load-template';
import type { FunctionModel, TokenAuthorizerModel } from './model';
import { readApiKeyRequired } from './read-api-events';
import { type ReadContext, resolveProperty, warnUnknownProperties } from './resolve-property';

/** The `Auth` of an API: TOKEN authorizers, and why the others cannot be used. */
export interface AuthModel {
  readonly authorizers: Map<string, TokenAuthorizerModel>;
  /** Authorizer name to the reason it is not emulated (an error if a route uses it). */
  readonly unsupported: Map<string, string>;
  /** A name of `Authorizers`, `AWS_IAM`, `NONE`, or `undefined` (none). */
  readonly defaultAuthorizer: string | undefined;
  readonly addDefaultAuthorizerToCorsPreflight: boolean;
  /** `InvokeRole` for `AWS_IAM` methods: `NONE`, `CALLER_CREDENTIALS` or a role ARN; `undefined`: SAM's default. */
  readonly invokeRole: string | undefined;
  /** `ApiKeyRequired`: every method needs an API key unless its event says `false` (K1). */
  readonly apiKeyRequired: boolean;
  /** `AddApiKeyRequiredToCorsPreflight` (SAM's default: true): SAM's preflights need the key too. */
  readonly addApiKeyRequiredToCorsPreflight: boolean;
}

const authKeys = new Set([
  'Authorizers',
  'DefaultAuthorizer',
  'AddDefaultAuthorizerToCorsPreflight',
  'InvokeRole',
  'ApiKeyRequired',
  'AddApiKeyRequiredToCorsPreflight',
  // read by readUsagePlans, which expands it as SAM does
  'UsagePlan',
]);
const authorizerKeys = new Set([
  'FunctionArn',
  'FunctionPayloadType',
  'Identity',
  'FunctionInvokeRole',
  'DisableFunctionDefaultPermissions',
]);
const identityKeys = new Set(['Header', 'ValidationExpression', 'ReauthorizeEvery']);

/**
 * Reads `Auth` of an `AWS::Serverless::Api`: each Lambda TOKEN authorizer with its identity
 * header (default `Authorization`), validation expression and TTL (`ReauthorizeEvery`, default 300);
 * the default authorizer (`AWS_IAM` included) and `InvokeRole`.
 *
 * @example
 * readAuth(api.Auth, 'Api PetsApi', functions, context).authorizers.get('JwtAuthorizer')?.ttlSeconds // 300
 */
export function readAuth(
  auth: unknown,
  where: string,
  functions: ReadonlyMap<string, FunctionModel>,
  context: ReadContext,
): AuthModel {
  const resolved = resolveProperty(auth ?? {}, `${where}.Auth`, context);
  const properties = isRecord(resolved) ? resolved : {};
  warnUnknownProperties(properties, authKeys, `${where}.Auth`, context.diagnostics);
  const model: AuthModel = {
    authorizers: new Map(),
    unsupported: new Map(),
    defaultAuthorizer:
      typeof properties.DefaultAuthorizer === 'string' ? properties.DefaultAuthorizer : undefined,
    addDefaultAuthorizerToCorsPreflight: properties.AddDefaultAuthorizerToCorsPreflight !== false,
    invokeRole: typeof properties.InvokeRole === 'string' ? properties.InvokeRole : undefined,
    apiKeyRequired:
      readApiKeyRequired(properties.ApiKeyRequired, `${where}.Auth`, context) ?? false,
    addApiKeyRequiredToCorsPreflight:
      properties.AddApiKeyRequiredToCorsPreflight !== false &&
      properties.AddApiKeyRequiredToCorsPreflight !== 'false',
  };
  const authorizers = isRecord(properties.Authorizers) ? properties.Authorizers : {};
  for (const [name, definition] of Object.entries(authorizers)) {
    const at = `${where}.Auth.Authorizers.${name}`;
    const reason = unsupportedReason(definition);
    if (reason) {
      model.unsupported.set(name, reason);
      continue;
    }
    const authorizer = readTokenAuthorizer(
      name,
      definition as Record<string, unknown>,
      at,
      functions,
      context,
    );
    if (authorizer) model.authorizers.set(name, authorizer);
  }
  return model;
}

function unsupportedReason(definition: unknown): string | undefined {
  if (!isRecord(definition)) return 'is not a map';
  if (definition.UserPoolArn !== undefined) return 'Cognito user pool authorizers are not emulated';
  if (definition.FunctionPayloadType === 'REQUEST')
    return 'REQUEST authorizers are not emulated (TOKEN only)';
  return undefined;
}

function readTokenAuthorizer(
  name: string,
  definition: Readonly<Record<string, unknown>>,
  where: string,
  functions: ReadonlyMap<string, FunctionModel>,
  context: ReadContext,
): TokenAuthorizerModel | undefined {
  const { diagnostics } = context;
  warnUnknownProperties(definition, authorizerKeys, where, diagnostics);
  const arn = definition.FunctionArn;
  const target = [...functions.values()].find((fn) => fn.arn === arn || fn.functionName === arn);
  if (!target) {
    diagnostics.error(
      `${where}.FunctionArn`,
      `${JSON.stringify(arn)} is not a function of this template`,
    );
    return undefined;
  }
  const identity = isRecord(definition.Identity) ? definition.Identity : {};
  warnUnknownProperties(identity, identityKeys, `${where}.Identity`, diagnostics);
  const ttlSeconds = Number(identity.ReauthorizeEvery ?? 300);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 0 || ttlSeconds > 3600) {
    diagnostics.error(
      `${where}.Identity.ReauthorizeEvery`,
      'must be an integer from 0 to 3600 seconds',
    );
  }
  const expression = identity.ValidationExpression;
  if (typeof expression === 'string') {
    try {
      new RegExp(expression);
    } catch {
      diagnostics.error(
        `${where}.Identity.ValidationExpression`,
        `"${expression}" is not a valid regular expression`,
      );
    }
  }
  return {
    name,
    functionId: target.logicalId,
    header: typeof identity.Header === 'string' ? identity.Header : 'Authorization',
    validationExpression: typeof expression === 'string' ? expression : undefined,
    ttlSeconds,
  };
}
