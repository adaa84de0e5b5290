/**
 * What API Gateway does with a header of the integration's response (AWS-BEHAVIOR.md P7): these
 * are renamed `x-amzn-Remapped-<name>` (recorded against AWS for a Lambda integration's response
 * headers: LocalStack `test_apigateway_integrations.py::test_apigateway_header_remapping_aws`;
 * `WWW-Authenticate` from a proxy function: serverless-offline issue 236, modelix/modelix.core
 * pull request 1658; `Authorization`: aws-sam-cli issue 696), `x-amzn-RequestId` too (recorded
 * for an HTTP_PROXY backend, `test_apigateway_http.py::test_http_integration_with_lambda`; for a
 * function unconfirmed), so that the gateway's own stay the only ones.
 */
const remapped = new Set([
  'authorization',
  'connection',
  'content-length',
  'content-md5',
  'date',
  'expect',
  'host',
  'max-forwards',
  'proxy-authenticate',
  'server',
  'trailer',
  'upgrade',
  'user-agent',
  'www-authenticate',
  'x-amzn-requestid',
]);
/** Dropped: absent from the recorded response (the gateway frames the body itself). */
const dropped = new Set(['transfer-encoding']);

/**
 * The name a function's response header is sent under, or `undefined` when it is dropped.
 *
 * @example
 * responseHeaderName('WWW-Authenticate') // 'x-amzn-Remapped-WWW-Authenticate'
 * responseHeaderName('Transfer-Encoding') // undefined
 * responseHeaderName('X-Custom') // 'X-Custom'
 */
export function responseHeaderName(name: string): string | undefined {
  const key = name.toLowerCase();
  if (dropped.has(key)) return undefined;
  return remapped.has(key) ? `x-amzn-Remapped-${name}` : name;
}
