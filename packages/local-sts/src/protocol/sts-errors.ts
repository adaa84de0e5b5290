import { StsError } from './sts-error';

/**
 * Every error the local STS answers, with AWS's codes, statuses and messages in one place, so that a
 * wording found to differ on real STS is corrected here only. Where each was seen is in the README
 * ("Errors and where they were seen"); "unconfirmed" marks our choice where no capture showed one.
 */
export const stsErrors = {
  /** Common Query-API error (AWS's "Common Errors" page: 400). Wording unconfirmed. */
  missingAction: () =>
    new StsError(400, 'MissingAction', 'The request is missing an action or a required parameter.'),

  /**
   * SES, a Query API of the same family, answered `Could not find operation X for version V`
   * (`InvalidAction`, Sender) for an operation it did not know; STS is assumed to do the same, and
   * for a `Version` other than 2011-06-15.
   */
  invalidAction: (action: string, version: string | undefined) =>
    new StsError(
      400,
      'InvalidAction',
      `Could not find operation ${action} for version ${version ?? 'NO_VERSION_SPECIFIED'}`,
    ),

  /** A real STS action that this emulator does not implement (a local divergence, said plainly). */
  notEmulated: (action: string) =>
    new StsError(
      400,
      'InvalidAction',
      `Could not find operation ${action} for version 2011-06-15 (the local STS emulates AssumeRoleWithWebIdentity and GetCallerIdentity only)`,
    ),

  /** `N validation error(s) detected: ...` (captures of STS quoted in the README). */
  validation: (message: string, detail: string = message) =>
    new StsError(400, 'ValidationError', message, detail),

  /** A `RoleArn` that is not an ARN at all: `X is invalid` (recorded STS answer, AssumeRole). */
  malformedArn: (arn: string) => new StsError(400, 'ValidationError', `${arn} is invalid`),

  /** Seen from STS for AssumeRole and AssumeRoleWithSAML. */
  durationExceedsRoleMax: (detail: string) =>
    new StsError(
      400,
      'ValidationError',
      'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
      detail,
    ),

  /** `ProviderId` is for OAuth 2.0 access tokens of Amazon and Facebook only. Code and wording unconfirmed. */
  providerIdWithOidc: () =>
    new StsError(
      400,
      'InvalidParameterValue',
      'ProviderId must not be specified for OpenID Connect ID tokens.',
    ),

  /** Code seen for a session policy that is not a policy; wording unconfirmed. */
  malformedPolicy: (detail: string) =>
    new StsError(
      400,
      'MalformedPolicyDocument',
      'The session policy document is malformed.',
      detail,
    ),

  /** Seen from STS (trailing ISSUER as in the token, slash kept). */
  noOpenIdProvider: (issuer: string, detail: string) =>
    new StsError(
      400,
      'InvalidIdentityToken',
      `No OpenIDConnect provider found in your account for ${issuer}`,
      detail,
    ),

  /** Seen from STS, double space included. */
  keyRetrieval: (detail: string) =>
    new StsError(
      400,
      'InvalidIdentityToken',
      "Couldn't retrieve verification key from your identity provider,  please reference AssumeRoleWithWebIdentity documentation for requirements",
      detail,
    ),

  /**
   * A token that does not verify (bad signature, malformed, disallowed algorithm). The wording is
   * the service model's description of InvalidIdentityToken; the wire message is unconfirmed.
   */
  invalidIdentityToken: (detail: string) =>
    new StsError(
      400,
      'InvalidIdentityToken',
      'The web identity token that was passed could not be validated by Amazon Web Services. Get a new identity token from the identity provider and then retry the request.',
      detail,
    ),

  /** Seen from STS. */
  incorrectAudience: (detail: string) =>
    new StsError(400, 'InvalidIdentityToken', 'Incorrect token audience', detail),

  /** Seen from STS for `aud`; assumed the same for the other claims STS needs (`exp`, `sub`). */
  missingClaim: (claim: string) =>
    new StsError(400, 'InvalidIdentityToken', `Missing a required claim: ${claim}`),

  /**
   * Seen from STS in this exact form, no space between `date/time` and the expiry (both epoch
   * seconds). A 2024 capture (aws/aws-sdk-java-v2#5709) shows a space there: the older form is kept (issue 9).
   */
  expiredToken: (nowSeconds: number, expSeconds: number) =>
    new StsError(
      400,
      'ExpiredTokenException',
      `Token expired: current date/time ${nowSeconds} must be before the expiration date/time${expSeconds}`,
    ),

  /** Session tags claim of the token not in AWS's shape or over its limits (our choice of code). */
  malformedSessionTags: (detail: string) =>
    new StsError(
      400,
      'InvalidIdentityToken',
      'The session tags claim (https://aws.amazon.com/tags) of the web identity token is malformed.',
      detail,
    ),

  /** Recorded STS answer for AssumeRole's tags; the same rule is applied to tags from the token. */
  transitiveTagNotInTags: (detail: string) =>
    new StsError(
      400,
      'InvalidParameterValue',
      'The specified transitive tag key must be included in the requested tags.',
      detail,
    ),

  /** Recorded STS answer for AssumeRole's tags; the same rule is applied to tags from the token. */
  duplicateTagKeys: (detail: string) =>
    new StsError(
      400,
      'InvalidParameterValue',
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      detail,
    ),

  /** Seen from STS when the trust policy refuses (and, here, for a role not in the template). */
  accessDenied: (detail: string) =>
    new StsError(
      403,
      'AccessDenied',
      'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      detail,
    ),

  /** Seen from STS for an unsigned call that needs a signature. */
  missingAuthenticationToken: (detail = 'no signature') =>
    new StsError(
      403,
      'MissingAuthenticationToken',
      'Request is missing Authentication Token',
      detail,
    ),

  /** Seen from STS (400) for a malformed Authorization header; the message says what is malformed. */
  incompleteSignature: (message: string, detail: string) =>
    new StsError(400, 'IncompleteSignature', message, detail),

  /** Seen from STS for GetCallerIdentity: a signature mismatch, clock skew, or a wrong scope. */
  signatureDoesNotMatch: (message: string, detail: string) =>
    new StsError(403, 'SignatureDoesNotMatch', message, detail),

  /** Seen from STS (raw XML, no final period) for an unknown key or a bad session token. */
  invalidClientTokenId: (detail: string) =>
    new StsError(
      403,
      'InvalidClientTokenId',
      'The security token included in the request is invalid',
      detail,
    ),

  /** Seen from STS for GetCallerIdentity with expired temporary credentials. */
  expiredCredentials: (detail: string) =>
    new StsError(
      403,
      'ExpiredToken',
      'The security token included in the request is expired',
      detail,
    ),

  /** A body over the local limit (our choice: STS's limits are not published). */
  requestTooLarge: (limit: number) =>
    new StsError(413, 'RequestEntityTooLarge', `Request body larger than ${limit} bytes`),

  /** Anything unexpected on our side. */
  internalFailure: (detail: string) =>
    new StsError(
      500,
      'InternalFailure',
      'The request processing has failed because of an unknown error, exception or failure.',
      detail,
    ),
} as const;
