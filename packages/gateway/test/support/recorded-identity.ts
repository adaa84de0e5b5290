/**
 * `requestContext.identity` of an anonymous call (no IAM caller, no API key, no client
 * certificate) as AWS recorded it: twelve keys, all `null` but `sourceIp` and `userAgent`
 * (LocalStack tests/aws/services/apigateway/test_apigateway_lambda.py::test_lambda_aws_proxy_integration,
 * snapshot recorded against AWS). The proxy event (Q11) and a REQUEST authorizer's event (R2)
 * carry the same.
 *
 * @example
 * expect(event.requestContext.identity).toEqual(anonymousIdentity(expect.any(String)));
 */
export function anonymousIdentity(userAgent: unknown, sourceIp: unknown = '127.0.0.1') {
  return {
    accessKey: null,
    accountId: null,
    caller: null,
    cognitoAuthenticationProvider: null,
    cognitoAuthenticationType: null,
    cognitoIdentityId: null,
    cognitoIdentityPoolId: null,
    principalOrgId: null,
    sourceIp,
    user: null,
    userAgent,
    userArn: null,
  };
}
