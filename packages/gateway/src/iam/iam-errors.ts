import type { SigV4Failure, SigV4FailureReason } from '@petstore/sigv4/verify';
import { type GatewayError, gatewayErrors } from '../responses/gateway-errors';
import type { GatewayResponseType } from '../responses/gateway-response-types';

/**
 * How API Gateway answers each SigV4 failure on an `AWS_IAM` method: the gateway response type
 * (its `GatewayResponses` customization applies, else `DEFAULT_4XX`), the status and the
 * `x-amzn-ErrorType`. Every answer is a 403. Rows marked unconfirmed were not seen on AWS: they
 * are the most likely choice, kept here so that one edit corrects them.
 */
const sigV4Answers: Readonly<
  Record<SigV4FailureReason, { type: GatewayResponseType; errorType?: string }>
> = {
  missing: { type: 'MISSING_AUTHENTICATION_TOKEN' }, // as for an unknown route
  // Unconfirmed: API Gateway has no response type for it; DEFAULT_4XX with a 403.
  incomplete: { type: 'DEFAULT_4XX', errorType: 'IncompleteSignatureException' },
  'bad-signature': { type: 'INVALID_SIGNATURE' },
  'not-yet-current': { type: 'INVALID_SIGNATURE' },
  'expired-signature': { type: 'INVALID_SIGNATURE' },
  // Unconfirmed: no response type of its own either; DEFAULT_4XX with a 403.
  'unknown-key': { type: 'DEFAULT_4XX', errorType: 'UnrecognizedClientException' },
  'bad-session-token': { type: 'DEFAULT_4XX', errorType: 'UnrecognizedClientException' },
  'expired-credentials': { type: 'EXPIRED_TOKEN' },
};

/**
 * The gateway error for a refused signature, with the message the verifier gives for its case.
 *
 * @example
 * sigV4Error({ reason: 'expired-credentials', message: 'The security token included in the request is expired', detail })
 * // { type: 'EXPIRED_TOKEN', statusCode: 403, defaultBody: '{"message":"The security token included in the request is expired"}', ... }
 */
export function sigV4Error(failure: SigV4Failure): GatewayError {
  if (failure.reason === 'missing') return gatewayErrors.missingAuthenticationToken();
  const { type, errorType } = sigV4Answers[failure.reason];
  return {
    type,
    message: failure.message,
    statusCode: 403,
    ...(errorType ? { errorType } : {}),
    defaultBody: JSON.stringify({ message: failure.message }),
  };
}

/**
 * IAM's denial of `execute-api:Invoke`: names the caller and the resource, whose account id is
 * masked but for its last four digits, as API Gateway writes it.
 *
 * @example
 * iamAccessDenied('arn:aws:sts::123456789012:assumed-role/BuyerRole/alice', 'arn:aws:execute-api:us-east-1:123456789012:abc/prod/DELETE/pets/7')
 * // message: 'User: arn:aws:sts::123456789012:assumed-role/BuyerRole/alice is not authorized to perform: execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********9012:abc/prod/DELETE/pets/7'
 */
export function iamAccessDenied(callerArn: string, resourceArn: string): GatewayError {
  const masked = resourceArn.replace(
    /^(arn:[^:]*:[^:]*:[^:]*:)(\d*)(\d{4}):/,
    (_whole, head: string, hidden: string, last: string) =>
      `${head}${'*'.repeat(hidden.length)}${last}:`,
  );
  const message = `User: ${callerArn} is not authorized to perform: execute-api:Invoke on resource: ${masked}`;
  return { type: 'ACCESS_DENIED', message, defaultBody: JSON.stringify({ Message: message }) };
}

/**
 * A 500 for a fault of the configuration rather than of the caller: `InvokeRole:
 * CALLER_CREDENTIALS` with a caller that may not `lambda:InvokeFunction` the function (API
 * Gateway logs "Execution failed due to configuration error"; the body of this case is
 * unconfirmed), or a policy that cannot be evaluated.
 *
 * @example
 * iamConfigurationError().defaultBody // '{"message": "Internal server error"}'
 */
export function iamConfigurationError(): GatewayError {
  return gatewayErrors.apiConfiguration();
}
