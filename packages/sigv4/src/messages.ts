/**
 * What AWS answers in each case, in one place so that a wording seen later is easy to correct.
 * Where each was seen is in the README; "unconfirmed" marks wording no source showed.
 */
export const messages = {
  missing: 'Missing Authentication Token',
  requiresParameter: (name: 'Credential' | 'Signature' | 'SignedHeaders') =>
    `Authorization header requires '${name}' parameter.`,
  requiresDate:
    "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  credentialElements:
    'Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term',
  /** Unconfirmed. */
  terminator: (got: string) =>
    `Credential should be scoped with a valid terminator: 'aws4_request', not '${got}'. `,
  /** Unconfirmed. */
  dateFormat: "Date must be in ISO-8601 'basic format'.",
  /** Unconfirmed. */
  scopeDate: (scopeDate: string, amzDate: string) =>
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`,
  region: (got: string) => `Credential should be scoped to a valid region, not '${got}'. `,
  service: (expected: string) => `Credential should be scoped to correct service: '${expected}'. `,
  hostNotSigned: "'Host' must be a 'SignedHeader' in the AWS Authorization.",
  expired: (request: string, limit: string, now: string) =>
    `Signature expired: ${request} is now earlier than ${limit} (${now} - 5 min.)`,
  notYetCurrent: (request: string, limit: string, now: string) =>
    `Signature not yet current: ${request} is still later than ${limit} (${now} + 5 min.)`,
  invalidToken: 'The security token included in the request is invalid.',
  expiredToken: 'The security token included in the request is expired',
  badSignature:
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
} as const;
