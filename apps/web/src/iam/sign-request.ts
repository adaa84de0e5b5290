import { AwsV4Signer } from 'aws4fetch';
import type { AwsCredentials } from './aws-credentials';

export interface SigningScope {
  /** The API's region. Given explicitly: aws4fetch's guess from the host fails on localhost. */
  readonly region: string;
  /** The signing time, epoch milliseconds (the gateway accepts 5 minutes either side). */
  readonly now: number;
}

/** What SigV4 adds to a request: the signature, its time and the session token. */
const signingHeaders = ['authorization', 'x-amz-date', 'x-amz-security-token'] as const;

/**
 * The `X-Amz-Date` form of a time: `YYYYMMDDTHHMMSSZ`.
 *
 * @example
 * amzDate(Date.UTC(2026, 11, 1, 9, 30)) // '20261201T093000Z'
 */
export function amzDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[:-]|\.\d{3}/g, '');
}

/**
 * Signs a request in place with AWS Signature Version 4 for API Gateway (service `execute-api`):
 * `Authorization`, `X-Amz-Date` and `X-Amz-Security-Token` are set on its headers. Signed: the
 * method, the path and query as the URL holds them, `host` (with its port), every header already
 * on the request except those aws4fetch leaves out (`content-type`, `content-length`, ...), and
 * the SHA-256 of the body. Headers added after this are not signed.
 *
 * @example
 * await signRequest(request, credentials, { region: 'eu-west-1', now: Date.now() });
 */
export async function signRequest(
  request: Request,
  credentials: AwsCredentials,
  scope: SigningScope,
): Promise<void> {
  const body = request.body === null ? undefined : await request.clone().arrayBuffer();
  const signer = new AwsV4Signer({
    method: request.method,
    url: request.url,
    headers: request.headers,
    ...(body === undefined ? {} : { body }),
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    service: 'execute-api',
    region: scope.region,
    datetime: amzDate(scope.now),
  });
  const signed = await signer.sign();
  for (const name of signingHeaders) {
    const value = signed.headers.get(name);
    if (value !== null) request.headers.set(name, value);
  }
}
