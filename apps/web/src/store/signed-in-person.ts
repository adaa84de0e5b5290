import type { Me } from '@petstore/api-contract/types';
import type { ApiMode } from '../config/web-config';

/** Who the screens say is signed in, and the subject that makes a purchase "(you)". */
export interface SignedInPerson {
  readonly name: string | undefined;
  readonly subject: string | undefined;
}

/**
 * The signed-in person as the screens show them. Token mode: as the API reports them (`GET /me`:
 * the access token's `sub` and name), the ID token's name until it has answered. IAM mode: from
 * the ID token (`sub`, `name`), because there `GET /me` reports the caller the API sees, a
 * session of the role (the assumed-role ARN, the session name), while a purchase records the
 * user of the ID token sent with it.
 *
 * @example
 * signedInPerson('iam', me, user.profile) // { name: 'Bea Buyer', subject: 'amazon-demo|bea' }
 */
export function signedInPerson(
  mode: ApiMode,
  me: Me | undefined,
  profile: { readonly sub: string; readonly name?: string | undefined },
): SignedInPerson {
  if (mode === 'iam') return { name: profile.name ?? me?.name, subject: profile.sub };
  return { name: me?.name ?? profile.name, subject: me?.subject };
}
