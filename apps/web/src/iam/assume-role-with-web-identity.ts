import { CredentialsError, type CredentialsFailureReason } from '../api/credentials-error';
import type { AwsCredentials } from './aws-credentials';
import { credentialsOf, stsErrorOf } from './sts-answer';

/** The parameters of one `AssumeRoleWithWebIdentity` call. */
export interface WebIdentityRequest {
  /** The STS endpoint (the local STS, or AWS's regional one). */
  readonly stsUrl: string;
  readonly roleArn: string;
  /** `[\w+=,.@-]{2,64}`; the store uses `roleSessionName(sub)` so the API can tell whose session it is. */
  readonly roleSessionName: string;
  /** The OpenID Connect ID token. */
  readonly webIdentityToken: string;
  /** 900 up to the role's maximum session duration (3600 unless the role says more). */
  readonly durationSeconds: number;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/** STS's error codes the person can be told about, by what they mean for them. */
const reasons = new Map<string, CredentialsFailureReason>([
  ['AccessDenied', 'access-denied'],
  ['InvalidIdentityToken', 'invalid-token'],
  ['ExpiredTokenException', 'expired-token'],
]);

/**
 * Exchanges an ID token for temporary credentials of an IAM role: STS `AssumeRoleWithWebIdentity`
 * on the Query protocol, a form POST with no AWS signature (the token is the proof), answered in
 * XML. A form-encoded POST is a CORS "simple" request: the browser sends it without a preflight.
 * Every way it fails throws a {@link CredentialsError} with the reason; STS's code and message go
 * to the console (never the token).
 *
 * @example
 * const credentials = await assumeRoleWithWebIdentity({ stsUrl: 'http://127.0.0.1:9001',
 *   roleArn: 'arn:aws:iam::123456789012:role/BuyerRole', roleSessionName: 'amazon-demo=7Cbea',
 *   webIdentityToken: user.id_token, durationSeconds: 3600 });
 */
export async function assumeRoleWithWebIdentity(
  request: WebIdentityRequest,
): Promise<AwsCredentials> {
  const body = new URLSearchParams({
    Action: 'AssumeRoleWithWebIdentity',
    Version: '2011-06-15',
    RoleArn: request.roleArn,
    RoleSessionName: request.roleSessionName,
    WebIdentityToken: request.webIdentityToken,
    DurationSeconds: String(request.durationSeconds),
  });
  let status: number;
  let text: string;
  try {
    const response = await (request.fetch ?? fetch)(request.stsUrl, { method: 'POST', body });
    status = response.status;
    text = await response.text();
  } catch (error) {
    console.warn('STS could not be reached:', String(error));
    throw new CredentialsError('unreachable', 'STS could not be reached.');
  }
  if (status === 200) {
    const credentials = credentialsOf(text);
    if (credentials) return credentials;
    console.warn('STS answered 200 without credentials in its XML.');
    throw new CredentialsError('unexpected', 'STS answered without credentials.');
  }
  const error = stsErrorOf(text);
  // Logged as JSON strings: whatever STS (or a proxy) answered cannot forge log lines.
  console.warn(
    `STS refused AssumeRoleWithWebIdentity (${status}): ${JSON.stringify(error?.code ?? null)} ${JSON.stringify(error?.message ?? null)}`,
  );
  const reason = (error && reasons.get(error.code)) ?? 'unexpected';
  throw new CredentialsError(reason, `STS ${error?.code ?? status}: ${error?.message ?? ''}`);
}
