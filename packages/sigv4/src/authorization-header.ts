/**
 * The parts of a SigV4 `Authorization` header; absent parameters are `undefined`, present but
 * empty ones `''` (AWS tells them apart: `SignedHeaders=` is "host not signed").
 */
export interface AuthorizationParts {
  readonly algorithm: string;
  readonly credential: string | undefined;
  readonly signedHeaders: string | undefined;
  readonly signature: string | undefined;
}

/**
 * Splits `AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…` into its algorithm and
 * parameters. A header of another scheme (`Bearer …`) yields no parameters, as a pair without
 * `=` does; the caller reports what is missing. The first of a repeated parameter counts.
 *
 * @example
 * parseAuthorization('AWS4-HMAC-SHA256 Credential=AKID/20261121/eu-west-1/execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc')
 * // { algorithm: 'AWS4-HMAC-SHA256', credential: 'AKID/…', signedHeaders: 'host;x-amz-date', signature: 'abc' }
 */
export function parseAuthorization(value: string): AuthorizationParts {
  const trimmed = value.trim();
  const space = trimmed.indexOf(' ');
  const algorithm = space < 0 ? trimmed : trimmed.slice(0, space);
  const parameters = new Map<string, string>();
  if (algorithm === 'AWS4-HMAC-SHA256' && space >= 0) {
    for (const pair of trimmed.slice(space + 1).split(',')) {
      const equals = pair.indexOf('=');
      if (equals < 0) continue;
      const name = pair.slice(0, equals).trim();
      if (!parameters.has(name)) parameters.set(name, pair.slice(equals + 1).trim());
    }
  }
  return {
    algorithm,
    credential: parameters.get('Credential'),
    signedHeaders: parameters.get('SignedHeaders'),
    signature: parameters.get('Signature'),
  };
}
