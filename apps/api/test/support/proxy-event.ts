import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { authorizerContext } from '@petstore/api-contract/authorizer-context';
import { buildProxyEvent, type ProxyEventInput } from '@petstore/gateway/proxy-event';
import { readTemplate } from '@petstore/gateway/template';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';

/** An identity as the TOKEN authorizer establishes it (what `authorizerContext` takes). */
export type TokenIdentity = Parameters<typeof authorizerContext>[0];

export interface EventOptions {
  method: string;
  /** The route template, e.g. `/pets/{petId}`: a route of the template's API. */
  resource: string;
  pathParameters?: Record<string, string>;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | null;
  /** Send the body as these bytes (e.g. not valid UTF-8) instead of `body`. */
  bodyBytes?: Buffer;
  /**
   * Deliver the body base64-encoded, as API Gateway does for a binary media type. The template
   * lists none, so only a future `BinaryMediaTypes` would do it: the gateway's event is rewritten.
   */
  isBase64Encoded?: boolean;
  /**
   * The caller the TOKEN authorizer established (its context is the authorizer's own
   * `authorizerContext`); `null` for none. Defaults to an admin, except for an IAM request
   * (`assumedRole`), which has none.
   */
  authorizer?: TokenIdentity | null;
  /**
   * The TOKEN authorizer's own result (e.g. of the real authorizer for a real token), as the
   * gateway passes it on; instead of `authorizer`.
   */
  authorizerResult?: AuthorizerResult;
  /** A SigV4-signed request of the IAM API: the assumed-role session API Gateway verified. */
  assumedRole?: AssumedRoleSession;
}

/** What a TOKEN authorizer answers API Gateway, as far as the backend sees it (A10). */
export interface AuthorizerResult {
  readonly principalId: string;
  readonly context: Readonly<Record<string, string | undefined>>;
}

/** The names the template gives the IAM API's roles (`ADMIN_ROLE_NAME`, `BUYER_ROLE_NAME`). */
export const roleNames = { admin: 'AdminRole', buyer: 'BuyerRole' } as const;

export interface AssumedRoleSession {
  readonly roleName: string;
  /** The `RoleSessionName` given to STS. */
  readonly sessionName: string;
  /** The account of the role; defaults to the API's (`123456789012`). */
  readonly accountId?: string;
  /** Overrides `userArn` (e.g. an IAM user's ARN instead of an assumed role's). */
  readonly userArn?: string;
}

const apiAccountId = '123456789012';
const identity = { region: 'eu-west-1', accountId: apiAccountId, stackName: 'petstore' };

// The template the gateway serves: events carry its routes, stage and APIs as the gateway's do.
// Its parameters without defaults only configure functions, not routes: any value will do.
const model = await readTemplate(
  fileURLToPath(new URL('../../../../infra/template.yaml', import.meta.url)),
  {
    parameters: {
      TokenIssuer: 'https://idp.example.com/',
      JwksUri: 'https://idp.example.com/.well-known/jwks.json',
      Audience: 'https://petstore.example.com',
      SpaClientId: 'petstore-spa',
      AllowedOrigin: 'https://app.example.com',
      EnableAccessLogs: 'false',
    },
  },
);
const tokenApi = apiNamed('PetsApi');
const iamApi = apiNamed('PetsIamApi');

function apiNamed(logicalId: string) {
  const api = model.apis.find((candidate) => candidate.logicalId === logicalId);
  if (!api) throw new Error(`infra/template.yaml has no API ${logicalId}`);
  return api;
}

/** A stable `AROA...` unique id per role name, as IAM gives each role one. */
function roleIdOf(roleName: string): string {
  const digest = createHash('sha256').update(roleName).digest('hex').toUpperCase();
  return `AROA${digest.slice(0, 17)}`;
}

/** Callers as the TOKEN authorizer identifies them. */
export const callers = {
  admin: {
    sub: 'dev-idp|admin',
    name: 'Ada Admin',
    permissions: ['read:pets', 'create:pets', 'delete:pets'],
    tokenType: 'user',
  },
  buyer: {
    sub: 'amazon-demo|bea',
    name: 'Bea Buyer',
    permissions: ['read:pets', 'purchase:pets'],
    tokenType: 'user',
  },
  otherBuyer: {
    sub: 'amazon-demo|cy',
    name: 'Cy Buyer',
    permissions: ['read:pets', 'purchase:pets'],
    tokenType: 'user',
  },
  machine: {
    sub: 'petstore-m2m',
    name: 'petstore-m2m',
    permissions: ['read:pets'],
    tokenType: 'machine',
    clientId: 'petstore-m2m',
  },
} as const satisfies Record<string, TokenIdentity>;

/**
 * The Lambda proxy event the local gateway sends for this request: built by the gateway's own
 * `buildProxyEvent` for the template's route (`PetsApi`, or `PetsIamApi` for an `assumedRole`),
 * with the authorizer's own `authorizerContext` as `requestContext.authorizer`.
 *
 * @example
 * proxyEvent({ method: 'GET', resource: '/pets/{petId}', pathParameters: { petId }, authorizer: callers.buyer })
 */
export function proxyEvent(options: EventOptions): APIGatewayProxyEvent {
  const api = options.assumedRole ? iamApi : tokenApi;
  const route = api.routes.find(
    (candidate) => candidate.path === options.resource && candidate.method === options.method,
  );
  if (!route) throw new Error(`no route ${options.method} ${options.resource} in ${api.logicalId}`);
  const path = options.resource.replace(/\{(\w+)\+?\}/g, (_, name: string) =>
    encodeURIComponent(options.pathParameters?.[name] ?? ''),
  );
  const headers: [string, string][] = Object.entries({
    Accept: 'application/json',
    Host: `${api.apiId}.execute-api.${identity.region}.amazonaws.com`,
    'User-Agent': 'vitest',
    ...options.headers,
  });
  const input: ProxyEventInput = {
    request: {
      requestId: randomUUID(),
      extendedRequestId: randomBytes(6).toString('base64'),
      method: options.method,
      path,
      stagePrefix: `/${api.stageName}`,
      query: new URLSearchParams(options.query ?? {}).toString(),
      headers,
      body: options.bodyBytes ?? Buffer.from(options.body ?? '', 'utf8'),
      sourceIp: '198.51.100.7',
      protocol: 'HTTP/1.1',
      receivedAt: Date.now(),
    },
    api,
    matched: { route, pathParameters: options.pathParameters ?? {} },
    identity,
    authorizer: authorizerOf(options),
    caller: options.assumedRole ? iamCaller(options.assumedRole) : undefined,
  };
  // `@types/aws-lambda` declares `identity.apiKey`, `apiKeyId` and `clientCert` on every event;
  // AWS sends them only when they apply (the gateway's rows Q11, K8), so the handlers get exactly
  // the event AWS would send, typed as the handlers declare it.
  const event = buildProxyEvent(input) as APIGatewayProxyEvent;
  if (!options.isBase64Encoded || event.body === null) return event;
  return {
    ...event,
    body: Buffer.from(event.body, 'utf8').toString('base64'),
    isBase64Encoded: true,
  };
}

function authorizerOf(options: EventOptions): ProxyEventInput['authorizer'] {
  if (options.authorizerResult) {
    const { principalId, context } = options.authorizerResult;
    const strings = Object.entries(context).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    );
    return {
      output: {
        principalId,
        policyDocument: { Version: '2012-10-17', Statement: [] },
        context: Object.fromEntries(strings),
        usageIdentifierKey: undefined,
      },
      latencyMs: 3,
    };
  }
  const caller =
    options.authorizer === undefined && !options.assumedRole ? callers.admin : options.authorizer;
  if (!caller) return undefined;
  return {
    output: {
      principalId: caller.sub,
      policyDocument: { Version: '2012-10-17', Statement: [] },
      context: authorizerContext(caller) as Record<string, string>,
      usageIdentifierKey: undefined,
    },
    latencyMs: 3,
  };
}

/** The caller the gateway's IAM check establishes for a session of `session.roleName`. */
function iamCaller(session: AssumedRoleSession): NonNullable<ProxyEventInput['caller']> {
  const accountId = session.accountId ?? apiAccountId;
  return {
    accessKeyId: `ASIA${randomBytes(8).toString('hex').toUpperCase()}`,
    session: {
      accountId,
      roleArn: `arn:aws:iam::${accountId}:role/${session.roleName}`,
      roleName: session.roleName,
      roleId: roleIdOf(session.roleName),
      sessionName: session.sessionName,
      assumedRoleArn:
        session.userArn ??
        `arn:aws:sts::${accountId}:assumed-role/${session.roleName}/${session.sessionName}`,
      principalTags: new Map(),
      sessionPolicy: undefined,
      subject: session.sessionName,
      providerArn: `arn:aws:iam::${accountId}:oidc-provider/idp.example.com`,
    },
  };
}

/** A Lambda context like the runtime's. */
export function lambdaContext(functionName = 'PetsFunction'): Context {
  const deadline = Date.now() + 10_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '256',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2026/11/21/[$LATEST]0123456789abcdef',
    getRemainingTimeInMillis: () => deadline - Date.now(),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
