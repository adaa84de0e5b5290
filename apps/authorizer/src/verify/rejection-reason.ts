import { errors } from 'jose';
import type { RejectReason } from '../errors';

const byCode: Record<string, RejectReason> = {
  ERR_JOSE_ALG_NOT_ALLOWED: 'ALGORITHM_NOT_ALLOWED',
  ERR_JOSE_NOT_SUPPORTED: 'UNSUPPORTED_TOKEN',
  ERR_JWT_EXPIRED: 'EXPIRED',
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'BAD_SIGNATURE',
  ERR_JWS_INVALID: 'MALFORMED_TOKEN',
  ERR_JWT_INVALID: 'MALFORMED_TOKEN',
};

/**
 * A readable reason for a jose verification error, for the logs: `ISS_CHECK_FAILED`,
 * `EXP_MISSING`, `BAD_SIGNATURE`...
 *
 * @example
 * rejectionReason(new errors.JWTExpired('...', {})) // 'EXPIRED'
 */
export function rejectionReason(error: unknown): RejectReason {
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `${error.claim}_${error.reason}`.toUpperCase();
  }
  if (error instanceof errors.JOSEError) return byCode[error.code] ?? error.code;
  return 'MALFORMED_TOKEN';
}
