import type { CredentialStore } from '@petstore/sigv4/credentials';
import { type SigV4Failure, verifySigV4 } from '@petstore/sigv4/verify';
import type { StsError } from '../protocol/sts-error';
import { stsErrors } from '../protocol/sts-errors';
import type { ActionHandler } from './action-handler';

export interface GetCallerIdentityDeps {
  readonly credentials: CredentialStore;
  /** The region callers sign for (service `sts`). */
  readonly region: string;
  /** Epoch milliseconds. */
  readonly clock: () => number;
}

/**
 * `GetCallerIdentity` for callers signing with credentials this STS issued (SigV4, service `sts`,
 * the local region): answers the assumed-role ARN, `ROLEID:SESSION` and the account.
 *
 * @example
 * const handler = getCallerIdentity({ credentials: store, region: 'us-east-1', clock: Date.now });
 */
export function getCallerIdentity(deps: GetCallerIdentityDeps): ActionHandler {
  return async ({ raw }, notes) => {
    const result = await verifySigV4(raw, {
      service: 'sts',
      region: deps.region,
      credentials: deps.credentials,
      now: deps.clock(),
    });
    if (!result.ok) throw signatureError(result.failure);
    const { session } = result.credentials;
    notes.role = session.roleArn;
    notes.session = session.sessionName;
    notes.subject = session.assumedRoleArn;
    return {
      Arn: session.assumedRoleArn,
      UserId: `${session.roleId}:${session.sessionName}`,
      Account: session.accountId,
    };
  };
}

/**
 * STS's answer for each SigV4 failure: `MissingAuthenticationToken` (403), `IncompleteSignature`
 * (400), `SignatureDoesNotMatch` (403: mismatch, clock skew, wrong scope), `InvalidClientTokenId`
 * (403: unknown key, wrong session token), `ExpiredToken` (403).
 *
 * @example
 * signatureError({ reason: 'expired-credentials', message, detail }).code // 'ExpiredToken'
 */
export function signatureError(failure: SigV4Failure): StsError {
  const { reason, message, detail } = failure;
  switch (reason) {
    case 'missing':
      return stsErrors.missingAuthenticationToken(detail);
    case 'incomplete':
      return stsErrors.incompleteSignature(message, detail);
    case 'bad-signature':
    case 'not-yet-current':
    case 'expired-signature':
      return stsErrors.signatureDoesNotMatch(message, detail);
    case 'unknown-key':
    case 'bad-session-token':
      return stsErrors.invalidClientTokenId(detail);
    case 'expired-credentials':
      return stsErrors.expiredCredentials(detail);
  }
}
