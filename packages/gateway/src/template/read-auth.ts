import type { Diagnostics } from './diagnostics';
import { isRecord } from './load-template';
import type { FunctionModel, LambdaAuthorizerModel } from './model';
import { readApiKeyRequired } from './read-api-events';
import { readRequestIdentity } from './read-request-identity';
import {
  type ReadContext,
  refuseUnenforcedAccessControl,
  resolveProperty,
  warnUnknownProperties,
} from './resolve-property';

/** The `Auth` of an API: Lambda TOKEN and REQUEST authorizers, and why the others cannot be used. */
export interface AuthModel {
  readonly authorizers: Map<string, LambdaAuthorizerModel>;
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
  // refused by refuseUnenforcedAccessControl
  'ResourcePolicy',
]);
const authorizerKeys = new Set([
  'FunctionArn',
  'FunctionPayloadType',
  'Identity',
  'FunctionInvokeRole',
  'DisableFunctionDefaultPermissions',
]);
const tokenIdentityKeys = new Set(['Header', 'ValidationExpression', 'ReauthorizeEvery']);

/**
 * Reads `Auth` of an `AWS::Serverless::Api`: each Lambda TOKEN authorizer with its identity
 * header (default `Authorization`), validation expression and TTL (`ReauthorizeEvery`, default 300),
 * each REQUEST authorizer (`FunctionPayloadType: REQUEST`) with its identity sources and TTL;
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
  refuseUnenforcedAccessControl(properties, `${where}.Auth`, context.diagnostics);
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
    const authorizer = readLambdaAuthorizer(
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
  return undefined;
}

function readLambdaAuthorizer(
  name: string,
  definition: Readonly<Record<string, unknown>>,
  where: string,
  functions: ReadonlyMap<string, FunctionModel>,
  context: ReadContext,
): LambdaAuthorizerModel | undefined {
  const { diagnostics } = context;
  warnUnknownProperties(definition, authorizerKeys, where, diagnostics);
  const payloadType = definition.FunctionPayloadType ?? 'TOKEN';
  if (payloadType !== 'TOKEN' && payloadType !== 'REQUEST') {
    diagnostics.error(
      `${where}.FunctionPayloadType`,
      `${JSON.stringify(payloadType)} is neither TOKEN nor REQUEST`,
    );
    return undefined;
  }
  const arn = definition.FunctionArn;
  const target = [...functions.values()].find((fn) => fn.arn === arn || fn.functionName === arn);
  if (!target) {
    diagnostics.error(
      `${where}.FunctionArn`,
      `${JSON.stringify(arn)} is not a function of this template`,
    );
    return undefined;
  }
  if (definition.Identity !== undefined && !isRecord(definition.Identity)) {
    diagnostics.error(`${where}.Identity`, 'is not a map');
    return undefined;
  }
  const identity = definition.Identity ?? {};
  const ttlSeconds = Number(identity.ReauthorizeEvery ?? 300);
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 0 || ttlSeconds > 3600) {
    diagnostics.error(
      `${where}.Identity.ReauthorizeEvery`,
      'must be an integer from 0 to 3600 seconds',
    );
  }
  const common = { name, functionId: target.logicalId, ttlSeconds };
  if (payloadType === 'REQUEST') {
    const identitySources = readRequestIdentity(
      identity,
      ttlSeconds,
      `${where}.Identity`,
      diagnostics,
    );
    return { type: 'REQUEST', ...common, identitySources };
  }
  return {
    type: 'TOKEN',
    ...common,
    ...readTokenIdentity(identity, `${where}.Identity`, diagnostics),
  };
}

/** A TOKEN authorizer's `Identity`: its header (default `Authorization`) and validation expression. */
function readTokenIdentity(
  identity: Readonly<Record<string, unknown>>,
  where: string,
  diagnostics: Diagnostics,
): { header: string; validationExpression: string | undefined } {
  warnUnknownProperties(identity, tokenIdentityKeys, where, diagnostics);
  const expression = identity.ValidationExpression;
  if (typeof expression === 'string') {
    try {
      new RegExp(expression);
    } catch {
      diagnostics.error(
        `${where}.ValidationExpression`,
        `"${expression}" is not a valid regular expression`,
      );
    }
  }
  return {
    header: typeof identity.Header === 'string' ? identity.Header : 'Authorization',
    validationExpression: typeof expression === 'string' ? expression : undefined,
  };
}
