/** Where the local stack's parts listen, as the template's functions need to know. */
export interface LocalEndpoints {
  readonly issuer: string;
  readonly jwksUri: string;
  readonly audience: string;
  /** The SPA's client id: the `aud` of its ID tokens, which STS and the purchase function check. */
  readonly spaClientId: string;
  /** The machine client's id (client credentials). */
  readonly m2mClientId: string;
  readonly webOrigin: string;
  readonly dynamoEndpoint: string;
}

/** Template parameters the developer may set for a local run (`sam deploy --parameter-overrides`). */
export interface LocalOverrides {
  /** `PartnerQuotaLimit`: the partner API key's requests per quota period. */
  readonly partnerQuotaLimit?: number | undefined;
}

/**
 * The template parameters that point the functions at the local identity provider and SPA,
 * as `sam deploy` would be given them for a real provider and site, with the developer's
 * overrides.
 *
 * @example
 * startGateway({ templatePath, parameters: localParameters(endpoints, { partnerQuotaLimit: 5 }) });
 */
export function localParameters(
  endpoints: LocalEndpoints,
  overrides: LocalOverrides = {},
): Record<string, string> {
  return {
    ...(overrides.partnerQuotaLimit === undefined
      ? {}
      : { PartnerQuotaLimit: String(overrides.partnerQuotaLimit) }),
    TokenIssuer: endpoints.issuer,
    JwksUri: endpoints.jwksUri,
    Audience: endpoints.audience,
    SpaClientId: endpoints.spaClientId,
    // The token API takes the SPA's users, the partner API the machine client (and so its plan).
    AllowedClientIds: endpoints.spaClientId,
    PartnerClientIds: endpoints.m2mClientId,
    // The dev-idp issues RFC 9068 access tokens: insist on it, as a careful deployment would.
    RequireTokenType: 'at+jwt',
    AllowedOrigin: endpoints.webOrigin,
    // There is no CloudWatch here; the gateway prints its own access log.
    EnableAccessLogs: 'false',
  };
}

/** Environment every function gets on top of the template's, like `sam local --env-vars`. */
export function localEnvironment(endpoints: Pick<LocalEndpoints, 'dynamoEndpoint'>) {
  return {
    '*': {
      DYNAMODB_ENDPOINT: endpoints.dynamoEndpoint,
      // The AWS SDK is pinned (the README's toolchain notes); its Node.js 20 notice is noise here.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
  };
}
