import type { AssumedRoleSession } from '@petstore/sigv4/credentials';
import { type GatewayRequest, headerValue } from '../http/gateway-request';

/**
 * The `aws:` condition keys IAM gives a request of an assumed-role session: `aws:PrincipalTag/KEY`
 * for each session tag, `aws:userid` (`ROLE_ID:SESSION`), `aws:PrincipalArn` (the role's ARN),
 * `aws:PrincipalAccount`, `aws:PrincipalType` (`AssumedRole`), `aws:SourceIp`, `aws:UserAgent`,
 * `aws:CurrentTime`, `aws:EpochTime`, `aws:SecureTransport` (`false`: plain HTTP locally) and
 * `aws:RequestedRegion`. Tag keys that differ only in case keep the first.
 *
 * @example
 * callerContext(session, request, 'us-east-1').get('aws:PrincipalTag/PetRole') // 'admin'
 */
export function callerContext(
  session: AssumedRoleSession,
  request: GatewayRequest,
  region: string,
): Map<string, string> {
  const context = new Map<string, string>();
  const seen = new Set<string>();
  const put = (key: string, value: string) => {
    if (seen.has(key.toLowerCase())) return;
    seen.add(key.toLowerCase());
    context.set(key, value);
  };
  put('aws:userid', `${session.roleId}:${session.sessionName}`);
  put('aws:PrincipalArn', session.roleArn);
  put('aws:PrincipalAccount', session.accountId);
  put('aws:PrincipalType', 'AssumedRole');
  put('aws:SourceIp', request.sourceIp);
  const userAgent = headerValue(request, 'user-agent');
  if (userAgent !== undefined) put('aws:UserAgent', userAgent);
  put('aws:CurrentTime', new Date(request.receivedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'));
  put('aws:EpochTime', String(Math.floor(request.receivedAt / 1000)));
  put('aws:SecureTransport', 'false');
  put('aws:RequestedRegion', region);
  for (const [key, value] of session.principalTags) put(`aws:PrincipalTag/${key}`, value);
  return context;
}
