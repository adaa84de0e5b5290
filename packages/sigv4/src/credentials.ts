import type { PolicyDocument } from '@petstore/iam-policy/evaluate';

/**
 * The caller behind temporary credentials: a session of an IAM role assumed with
 * `sts:AssumeRoleWithWebIdentity`. The local STS creates it; the gateway reads it to authorize
 * a SigV4-signed request and to fill `requestContext.identity`.
 */
export interface AssumedRoleSession {
  readonly accountId: string;
  /** `arn:aws:iam::ACCOUNT:role/PATH/NAME` */
  readonly roleArn: string;
  readonly roleName: string;
  /** The role's unique id, `AROA` and 17 upper-case letters and digits. */
  readonly roleId: string;
  /** `RoleSessionName` as given to STS. */
  readonly sessionName: string;
  /** `arn:aws:sts::ACCOUNT:assumed-role/NAME/SESSION` */
  readonly assumedRoleArn: string;
  /** Session tags from the web identity token: `aws:PrincipalTag/KEY` afterwards. */
  readonly principalTags: ReadonlyMap<string, string>;
  /** A session policy passed to STS (`Policy`): it intersects with the role's policies. */
  readonly sessionPolicy: PolicyDocument | undefined;
  /** `sub` of the web identity token. */
  readonly subject: string;
  /** ARN of the OIDC provider that issued the web identity token. */
  readonly providerArn: string;
}

/** A set of temporary credentials, as STS issued them. */
export interface TemporaryCredentials {
  /** `ASIA` and 16 upper-case letters and digits. */
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Epoch milliseconds. */
  readonly expiresAt: number;
  readonly session: AssumedRoleSession;
}

/** Where a verifier looks up the access key id of a signed request. */
export interface CredentialStore {
  find(accessKeyId: string): TemporaryCredentials | undefined;
}
