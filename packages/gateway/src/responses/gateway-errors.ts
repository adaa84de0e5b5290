import type { GatewayResponseType } from './gateway-response-types';

/** A response the gateway makes itself instead of the integration's. */
export interface GatewayError {
  readonly type: GatewayResponseType;
  /** `$context.error.message`; `null` where AWS gives none (A4). */
  readonly message: string | null;
  /**
   * `$context.error.messageString` when it is not the message as a JSON string: AWS's own
   * internal errors carry a leading space (P18).
   */
  readonly messageString?: string;
  /** Status when it differs from the type's default (a bad Lambda response is a 502 `DEFAULT_5XX`). */
  readonly statusCode?: number;
  /** `x-amzn-ErrorType` when it differs from the type's (an exception with no response type of its own). */
  readonly errorType?: string;
  /** The body AWS sends when the template has no `ResponseTemplates` for the type. */
  readonly defaultBody: string;
}

const json = (message: string | null) => `{"message":${JSON.stringify(message)}}`;

/**
 * An error API Gateway words itself with a space after the colon: `{"message": "Endpoint request
 * timed out"}`. Its `$context.error.messageString` has that space in front, as recorded in
 * custom templates and access logs (wri/gfw-data-api pull request 350, DataBiosphere/azul pull
 * request 6624: `" "Endpoint request timed out""`), so the default template
 * `{"message":$context.error.messageString}` gives exactly the default body (P18).
 *
 * @example
 * spacedMessage('Internal server error').defaultBody // '{"message": "Internal server error"}'
 */
export function spacedMessage(
  message: string | null,
): Pick<GatewayError, 'message' | 'messageString' | 'defaultBody'> {
  const messageString = ` ${JSON.stringify(message)}`;
  return { message, messageString, defaultBody: `{"message":${messageString}}` };
}

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
    ...spacedMessage(null),
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
    ...spacedMessage('Endpoint request timed out'),
  }),
  /**
   * L3 / P13: the function failed (threw, timed out, crashed) or answered more than Lambda's
   * 6 MB (P15): a 502 of type `INTEGRATION_FAILURE`, as API Gateway's access logs show it
   * (DataBiosphere/azul pull request 6624, issue 8192), not the type's documented 504.
   */
  integrationFailure: (): GatewayError => ({
    type: 'INTEGRATION_FAILURE',
    statusCode: 502,
    ...spacedMessage('Internal server error'),
  }),
  /**
   * L3 / P1: the function answered something that is not a proxy response ("Malformed Lambda
   * proxy response"): a 502; its response type is unconfirmed, `DEFAULT_5XX` here.
   */
  badLambdaResponse: (): GatewayError => ({
    type: 'DEFAULT_5XX',
    statusCode: 502,
    ...spacedMessage('Internal server error'),
  }),
  /** P12: a body to be turned into bytes is not base64 (`API_CONFIGURATION_ERROR`, 500). */
  apiConfiguration: (): GatewayError => ({
    type: 'API_CONFIGURATION_ERROR',
    ...spacedMessage('Internal server error'),
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
    errorType: 'BadRequestException',
    ...spacedMessage('Request Too Long'),
  }),
} as const;
