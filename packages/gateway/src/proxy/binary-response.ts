/**
 * Whether API Gateway turns a proxy result's base64 body (`isBase64Encoded: true`) into bytes,
 * as recorded against AWS (LocalStack `test_apigateway_lambda.py::test_aws_proxy_binary_response`,
 * AWS-BEHAVIOR.md P12): only the request's `Accept` decides (the result's `Content-Type` does
 * not), and only its **first** media type. An entry `type/subtype` of `BinaryMediaTypes` matches
 * that type exactly, `type/*` any subtype of it (an `Accept` of `type/*` too), `*\/*` any request
 * (users' report, aws/aws-lambda-dotnet pull request 75); a wildcard on the left otherwise
 * (`*\/test`) matches nothing, and wildcards in `Accept` match only an entry of the same form.
 *
 * @example
 * returnsBinary('image/png,image/*;q=0.8', ['image/png']) // true
 * returnsBinary('image/webp,image/png', ['image/png']) // false: only the first one counts
 */
export function returnsBinary(
  accept: string | undefined,
  binaryMediaTypes: readonly string[],
): boolean {
  if (binaryMediaTypes.includes('*/*')) return true;
  const first = (accept?.split(',')[0] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const [type, subtype, ...rest] = first.split('/');
  if (!type || !subtype || rest.length > 0) return false;
  return binaryMediaTypes.some((entry) => {
    const [wantedType, wantedSubtype] = entry.toLowerCase().split('/');
    if (wantedType === '*' || wantedType !== type) return false;
    return wantedSubtype === '*' || wantedSubtype === subtype;
  });
}

/** Standard base64 (RFC 4648 section 4), padding optional as Java's basic decoder allows. */
const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

/**
 * The bytes of a base64 body, or `undefined` when it is not base64: API Gateway then answers
 * 500 (`API_CONFIGURATION_ERROR`, "when base64 decoding fails on binary data"), where Node's own
 * decoder would skip the bad characters.
 *
 * @example
 * decodeBase64('cG5n') // <Buffer 70 6e 67>
 * decodeBase64('èé+à)(') // undefined
 */
export function decodeBase64(text: string): Buffer | undefined {
  return base64.test(text) ? Buffer.from(text, 'base64') : undefined;
}
