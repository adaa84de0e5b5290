import { fromWebToken } from '@aws-sdk/credential-providers';
import { getTokens, type Persona, type SignIn } from '@petstore/dev-idp/tokens';
import { roleSessionName } from '@petstore/domain/role-session';
import { type Role, roleOfSessionTags } from '@petstore/domain/roles';
import { decodeJwt } from 'jose';

/** Temporary AWS credentials, as the AWS SDK's credential providers give them. */
export type AwsCredentials = Awaited<ReturnType<ReturnType<typeof fromWebToken>>>;

/** Where the pieces of a running stack are, as the IAM way needs them. */
export interface IamEndpoints {
  readonly issuer: string;
  readonly redirectUri: string;
  readonly stsUrl: string;
  readonly region: string;
  /** The role ARN for each role the identity provider may tag a user with. */
  readonly roleArns: Readonly<Record<Role, string>>;
}

export interface RoleCredentialsOptions {
  /** Sign in as someone else than the persona's demo user. */
  readonly signIn?: SignIn;
  /** Ask STS for this role instead of the one the ID token is tagged with (it should refuse). */
  readonly role?: Role;
}

/** Temporary credentials for a demo user, with the ID token they were obtained with. */
export interface RoleCredentials {
  readonly role: Role;
  readonly roleArn: string;
  readonly credentials: AwsCredentials;
  /** Sent as `X-Id-Token` with a purchase on the IAM API. */
  readonly idToken: string;
}

/**
 * The IAM way end to end, as the SPA does it: sign a demo user in at the identity provider
 * (code + PKCE), read the role it tagged the ID token with, and exchange the ID token at STS
 * (`AssumeRoleWithWebIdentity`, through the AWS SDK's own web identity provider) for that
 * role's temporary credentials.
 *
 * @example
 * const { credentials, idToken } = await roleCredentials('buyer', endpoints);
 */
export async function roleCredentials(
  persona: Exclude<Persona, 'm2m'>,
  endpoints: IamEndpoints,
  options: RoleCredentialsOptions = {},
): Promise<RoleCredentials> {
  const { idToken } = await getTokens(endpoints.issuer, persona, {
    redirectUri: endpoints.redirectUri,
    ...(options.signIn ? { signIn: options.signIn } : {}),
  });
  if (!idToken) throw new Error(`The identity provider gave ${persona} no ID token`);
  const claims = decodeJwt(idToken);
  const tagged = roleOfSessionTags(claims);
  if (!tagged) throw new Error(`The ID token of ${persona} names no role (no PetRole session tag)`);
  const role = options.role ?? tagged;
  const roleArn = endpoints.roleArns[role];
  const provider = fromWebToken({
    roleArn,
    webIdentityToken: idToken,
    roleSessionName: await roleSessionName(claims.sub ?? ''),
    clientConfig: { endpoint: endpoints.stsUrl, region: endpoints.region },
  });
  return { role, roleArn, credentials: await provider(), idToken };
}
