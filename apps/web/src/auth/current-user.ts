import type { User, UserManager } from 'oidc-client-ts';

/** Renew this many seconds before expiry when a call finds a token about to lapse. */
const marginSeconds = 10;

export interface CurrentUserOptions {
  /** Also renew when the ID token is about to lapse (IAM mode sends it to STS and the API). */
  readonly idToken?: boolean;
}

/**
 * The signed-in user with tokens fresh enough to send: renewed first with the refresh token when
 * the access token (and, with `idToken`, the ID token) has expired or is about to (after a laptop
 * sleeps, the renewal timer may not have fired). If renewal fails the user is returned as it is,
 * and the API's or STS's refusal tells the person to sign in again. Null when nobody is signed in.
 *
 * @example
 * const user = await currentUser(userManager, { idToken: true });
 * if (user) send(user.id_token);
 */
export async function currentUser(
  userManager: UserManager,
  options: CurrentUserOptions = {},
): Promise<User | null> {
  const user = await userManager.getUser();
  if (!user?.refresh_token) return user;
  const idTokenLeft =
    options.idToken && typeof user.profile.exp === 'number'
      ? user.profile.exp - Date.now() / 1000
      : Number.POSITIVE_INFINITY;
  const lapsing = Math.min(user.expires_in ?? 0, idTokenLeft) <= marginSeconds;
  if (!lapsing) return user;
  const renewed = await userManager.signinSilent().catch(() => null);
  return renewed ?? user;
}
