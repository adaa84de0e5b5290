import type { GatewayResponseType } from './gateway-response-types';

/** A response the gateway makes itself instead of the integration's. */
export interface GatewayError {
  readonly type: GatewayResponseType;
  /** `$context.error.message`; `null` where AWS gives none (A4). */
  readonly message: string | null;
  /** Status when it differs from the type's default (a bad Lambda response is a 502 `DEFAULT_5XX`). */
  readonly statusCode?: number;
  /** `x-amzn-ErrorType` when it differs from the type's (an exception with no response type of its own). */
  readonly errorType?: string;
  /** The body AWS sends when the template has no `ResponseTemplates` for the type. */
  readonly defaultBody: string;
}

const json = (message: string | null) => `{"message":${JSON.stringify(message)}}`;

/**
 * The gateway responses of AWS-BEHAVIOR.md, with AWS's default bodies.
 *
 * @example
 * gatewayErrors.unauthorized() // { type: 'UNAUTHORIZED', message: 'Unauthorized', defaultBody: '{"message":"Unauthorized"}' }
 */
export const gatewayErrors = {
  /** G1: no such resource or method. */
  missingAuthenticationToken: (): GatewayError => ({
    type: 'MISSING_AUTHENTICATION_TOKEN',
    message: 'Missing Authentication Token',
    defaultBody: json('Missing Authentication Token'),
  }),
  /** G2 / A2 / A3 / A4. */
  unauthorized: (): GatewayError => ({
    type: 'UNAUTHORIZED',
    message: 'Unauthorized',
    defaultBody: json('Unauthorized'),
  }),
  /** G3 / A7. */
  accessDenied: (explicit: boolean): GatewayError => {
    const message = explicit
      ? 'User is not authorized to access this resource with an explicit deny'
      : 'User is not authorized to access this resource';
    return {
      type: 'ACCESS_DENIED',
      message,
      defaultBody: `{"Message":${JSON.stringify(message)}}`,
    };
  },
  /** G4 / A4 / A6. */
  authorizerConfiguration: (): GatewayError => ({
    type: 'AUTHORIZER_CONFIGURATION_ERROR',
    message: null,
    defaultBody: '{"message": null}',
  }),
  /** G5 / T1. */
  throttled: (): GatewayError => ({
    type: 'THROTTLED',
    message: 'Too Many Requests',
    defaultBody: json('Too Many Requests'),
  }),
  /**
   * K2: no API key, or one that no usage plan of the stage holds, or a disabled one: 403
   * `{"message":"Forbidden"}` (the `x-amzn-ErrorType` is the type's, unconfirmed).
   */
  invalidApiKey: (): GatewayError => ({
    type: 'INVALID_API_KEY',
    message: 'Forbidden',
    defaultBody: json('Forbidden'),
  }),
  /** K5: the key's usage plan quota is spent for this period: 429 `{"message":"Limit Exceeded"}`. */
  quotaExceeded: (): GatewayError => ({
    type: 'QUOTA_EXCEEDED',
    message: 'Limit Exceeded',
    defaultBody: json('Limit Exceeded'),
  }),
  /** G6 / L5. */
  integrationTimeout: (): GatewayError => ({
    type: 'INTEGRATION_TIMEOUT',
    message: 'Endpoint request timed out',
    defaultBody: '{"message": "Endpoint request timed out"}',
  }),
  /** L3: the function failed or answered something that is not a proxy response. */
  badLambdaResponse: (): GatewayError => ({
    type: 'DEFAULT_5XX',
    message: 'Internal server error',
    statusCode: 502,
    defaultBody: '{"message": "Internal server error"}',
  }),
  /**
   * F15: Lambda refused the invocation (the function's reserved concurrency is in use). API
   * Gateway answers 500 with `x-amzn-ErrorType: InternalServerErrorException`, as a user captured
   * it (re:Post "Inconsistencies in response codes depending on whether API Gateway response
   * settings are configured"); the type is `INTEGRATION_FAILURE` (customizing it changed the answer).
   */
  lambdaThrottled: (): GatewayError => ({
    type: 'INTEGRATION_FAILURE',
    message: 'Internal server error',
    statusCode: 500,
    defaultBody: '{"message": "Internal server error"}',
  }),
  /** G7: a request validator found required parameters missing. */
  badRequestParameters: (missing: readonly string[]): GatewayError => {
    const message = `Missing required request parameters: [${missing.join(', ')}]`;
    return { type: 'BAD_REQUEST_PARAMETERS', message, defaultBody: json(message) };
  },
  /** G7: a request validator found the body invalid. */
  badRequestBody: (): GatewayError => ({
    type: 'BAD_REQUEST_BODY',
    message: 'Invalid request body',
    defaultBody: json('Invalid request body'),
  }),
  /**
   * The Lambda proxy event is over Lambda's 6 MB synchronous payload: 413 with
   * `x-amzn-ErrorType: BadRequestException` and this body, byte for byte as users captured it.
   */
  requestTooLarge: (): GatewayError => ({
    type: 'REQUEST_TOO_LARGE',
    message: 'Request Too Long',
    errorType: 'BadRequestException',
    defaultBody: '{"message": "Request Too Long"}',
  }),
} as const;
