import type { PolicyDocument } from '@petstore/iam-policy/evaluate';

/** What the gateway serves, read from the template: REST APIs and the functions they call. */
export interface GatewayModel {
  /** The served APIs in template order (SAM's implicit `ServerlessRestApi` first); never empty. */
  readonly apis: readonly ApiModel[];
  readonly functions: ReadonlyMap<string, FunctionModel>;
  /** OIDC providers and roles: the policies `AWS_IAM` methods are authorized with. */
  readonly iam: IamModel;
  readonly warnings: readonly string[];
  /**
   * Facts about the local run worth one calm line, not a warning (the Node.js version the
   * functions run on when it is not their `Runtime`'s).
   */
  readonly notes?: readonly string[];
}

export interface FunctionModel {
  readonly logicalId: string;
  readonly functionName: string;
  readonly arn: string;
  /** Absolute folder of the code (`CodeUri`), the sources when `build` is set. */
  readonly codeDir: string;
  /** `Handler`, e.g. `index.handler` or `src/app.lambda.handler`. */
  readonly handler: string;
  readonly runtime: string;
  readonly timeoutSeconds: number;
  readonly memorySize: number;
  readonly environment: Readonly<Record<string, string>>;
  readonly reservedConcurrency: number | undefined;
  readonly build: EsbuildModel | undefined;
}

/** SAM `Metadata: { BuildMethod: esbuild, BuildProperties }`. */
export interface EsbuildModel {
  readonly entryPoints: readonly string[];
  readonly format: 'cjs' | 'esm';
  readonly target: string;
  readonly minify: boolean;
  readonly sourcemap: boolean;
  readonly external: readonly string[];
  readonly outExtension: Readonly<Record<string, string>>;
  readonly banner: Readonly<Record<string, string>>;
  readonly mainFields: readonly string[] | undefined;
}

export interface ApiModel {
  readonly logicalId: string;
  readonly apiId: string;
  readonly stageName: string;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly routes: readonly RouteModel[];
  readonly authorizers: ReadonlyMap<string, LambdaAuthorizerModel>;
  readonly cors: CorsModel | undefined;
  readonly gatewayResponses: Readonly<Record<string, GatewayResponseModel>>;
  readonly methodSettings: readonly MethodSettingModel[];
  readonly binaryMediaTypes: readonly string[];
  readonly models: Readonly<Record<string, unknown>>;
  /** `ApiKeySourceType`: the `x-api-key` header (default), or the authorizer's `usageIdentifierKey` (K3). */
  readonly apiKeySource: 'HEADER' | 'AUTHORIZER';
  /** The usage plans whose `ApiStages` hold this API's stage (K4), SAM's `Auth.UsagePlan` expanded. */
  readonly usagePlans: readonly UsagePlanModel[];
  /** `EndpointConfiguration` (`EDGE` by default): an `EDGE` API is reached through CloudFront (Q8). */
  readonly endpointType: EndpointType;
}

/** The endpoint types of a REST API. */
export type EndpointType = 'EDGE' | 'REGIONAL' | 'PRIVATE';

/** An `AWS::ApiGateway::UsagePlan` on one API stage, with its keys (`AWS::ApiGateway::UsagePlanKey`). */
export interface UsagePlanModel {
  readonly logicalId: string;
  /** `UsagePlanName`, else the logical id. */
  readonly name: string;
  /** `Throttle` of the plan: one token bucket per key (K6). */
  readonly throttle: ThrottleModel | undefined;
  /** `ApiStages[].Throttle` of this stage: route (`GET /pets/{petId}`) to its own per-key bucket. */
  readonly methodThrottles: ReadonlyMap<string, ThrottleModel>;
  readonly quota: QuotaModel | undefined;
  readonly keys: readonly ApiKeyModel[];
}

export interface ThrottleModel {
  /** `RateLimit`: tokens added per second. */
  readonly rateLimit: number;
  /** `BurstLimit`: the bucket's size. */
  readonly burstLimit: number;
}

export interface QuotaModel {
  readonly limit: number;
  readonly period: 'DAY' | 'WEEK' | 'MONTH';
  /** Requests subtracted from the limit in the first period. */
  readonly offset: number;
}

/** An `AWS::ApiGateway::ApiKey` (or SAM's generated `<Api>ApiKey` / `ServerlessApiKey`). */
export interface ApiKeyModel {
  readonly logicalId: string;
  /** The key's id (`!Ref` of the key, `requestContext.identity.apiKeyId`): stable, from the logical id. */
  readonly id: string;
  /** `Name`, else the logical id. */
  readonly name: string;
  /** `Value` of the template; `undefined` when AWS generates it (a local value is then required). */
  readonly value: string | undefined;
  /** `Enabled` (CloudFormation's default: false). */
  readonly enabled: boolean;
}

export type Integration =
  | { readonly kind: 'lambda'; readonly functionId: string; readonly timeoutMs: number | undefined }
  | { readonly kind: 'cors-preflight'; readonly allowMethods: string };

export interface RouteModel {
  /** Resource path template, e.g. `/pets/{petId}`. */
  readonly path: string;
  /** Upper-case verb or `ANY`. */
  readonly method: string;
  readonly integration: Integration;
  readonly authorization: MethodAuthorization;
  readonly validation: RequestValidationModel | undefined;
  /** `ApiKeyRequired` (the event's, else the API's `Auth.ApiKeyRequired`): K1, K2. */
  readonly apiKeyRequired: boolean;
}

/** How a method is authorized: open, by a Lambda TOKEN or REQUEST authorizer, or by IAM (SigV4). */
export type MethodAuthorization =
  | { readonly type: 'NONE' }
  | { readonly type: 'TOKEN'; readonly authorizer: string }
  | { readonly type: 'REQUEST'; readonly authorizer: string }
  | {
      readonly type: 'AWS_IAM';
      /**
       * `InvokeRole: CALLER_CREDENTIALS` (SAM's default): API Gateway calls the function with the
       * caller's credentials, so the caller also needs `lambda:InvokeFunction` on it. `NONE` or a
       * role ARN: the function's resource policy (or that role) lets API Gateway call it.
       */
      readonly callerCredentials: boolean;
    };

export interface RequestValidationModel {
  readonly parameters: readonly RequestParameterModel[];
  readonly validateParameters: boolean;
  readonly bodyModel: string | undefined;
  readonly bodyRequired: boolean;
  readonly validateBody: boolean;
}

export interface RequestParameterModel {
  readonly location: 'header' | 'querystring' | 'path';
  readonly name: string;
  readonly required: boolean;
}

/** A Lambda authorizer of an API: SAM `FunctionPayloadType` TOKEN (the default) or REQUEST. */
export type LambdaAuthorizerModel = TokenAuthorizerModel | RequestAuthorizerModel;

export interface TokenAuthorizerModel {
  readonly type: 'TOKEN';
  readonly name: string;
  readonly functionId: string;
  readonly header: string;
  readonly validationExpression: string | undefined;
  readonly ttlSeconds: number;
}

/** A Lambda REQUEST authorizer (R1-R7 of AWS-BEHAVIOR.md). */
export interface RequestAuthorizerModel {
  readonly type: 'REQUEST';
  readonly name: string;
  readonly functionId: string;
  /** SAM's order: `Headers`, `QueryStrings`, `StageVariables`, `Context`; empty only when `ttlSeconds` is 0. */
  readonly identitySources: readonly IdentitySourceModel[];
  readonly ttlSeconds: number;
}

/** One identity source of a REQUEST authorizer, e.g. `method.request.header.Authorization`. */
export interface IdentitySourceModel {
  readonly location: 'header' | 'querystring' | 'stageVariables' | 'context';
  /** A header name (any case), a query string or stage variable name, a `$context` variable (`identity.sourceIp`). */
  readonly name: string;
  /** The mapping expression as API Gateway writes it: `method.request.querystring.key`, `context.stage`. */
  readonly expression: string;
}

export interface CorsModel {
  /** Header values, already unquoted. */
  readonly allowOrigin: string;
  readonly allowMethods: string | undefined;
  readonly allowHeaders: string | undefined;
  readonly maxAge: string | undefined;
  readonly allowCredentials: boolean;
}

export interface GatewayResponseModel {
  readonly statusCode: number | undefined;
  /** Header name to a mapping expression: `'static'` or `method.request.header.Origin`. */
  readonly headers: Readonly<Record<string, string>>;
  readonly templates: Readonly<Record<string, string>>;
}

export interface MethodSettingModel {
  /** `/*` or a resource path (`~1` already decoded). */
  readonly resourcePath: string;
  /** `*` or an upper-case verb. */
  readonly httpMethod: string;
  readonly rateLimit: number | undefined;
  readonly burstLimit: number | undefined;
}

/** The IAM resources of a template that the local STS and `AWS_IAM` methods need. */
export interface IamModel {
  /** `AWS::IAM::OIDCProvider` resources (their condition true). */
  readonly oidcProviders: readonly OidcProviderModel[];
  /** `AWS::IAM::Role` resources by logical id. */
  readonly roles: ReadonlyMap<string, RoleModel>;
  /** What of these resources is not emulated (also among `GatewayModel.warnings`). */
  readonly warnings: readonly string[];
}

export interface OidcProviderModel {
  readonly logicalId: string;
  /** `arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH` (the URL without its scheme). */
  readonly arn: string;
  /** `Url` as written, e.g. `https://tenant.eu.auth0.com/` (trailing slash kept). */
  readonly url: string;
  readonly clientIds: readonly string[];
}

export interface RoleModel {
  readonly logicalId: string;
  /** `RoleName`, or a local name from the logical id. */
  readonly name: string;
  /** `arn:aws:iam::ACCOUNT:role/PATH/NAME` */
  readonly arn: string;
  /** `AROA` and 17 upper-case letters and digits, stable across runs. */
  readonly roleId: string;
  readonly path: string;
  /** `MaxSessionDuration`, default 3600. */
  readonly maxSessionDurationSeconds: number;
  /** `AssumeRolePolicyDocument`, intrinsics resolved (a JSON string is parsed). */
  readonly trustPolicy: PolicyDocument;
  /** Inline `Policies`, `ManagedPolicyArns` of the template, and `AWS::IAM::Policy` / `ManagedPolicy` attached by `Roles`. */
  readonly policies: readonly PolicyDocument[];
}
