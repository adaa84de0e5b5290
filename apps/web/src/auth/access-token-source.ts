import type { UserManager } from 'oidc-client-ts';

/** Renew this many seconds before expiry when a call finds the token about to lapse. */
const marginSeconds = 10;

/**
 * The typed client's `getAccessToken`: the signed-in user's access token, renewed first with the
 * refresh token when it has expired or is about to (after a laptop sleeps, the renewal timer may
 * not have fired). If renewal fails the old token is sent and the API's 401 tells the person to
 * sign in again.
 *
 * @example
 * createPetStoreClient({ baseUrl, getAccessToken: accessTokenSource(userManager) });
 */
export function accessTokenSource(userManager: UserManager): () => Promise<string | undefined> {
  return async () => {
    const user = await userManager.getUser();
    if (!user) return undefined;
    const lapsing = (user.expires_in ?? 0) <= marginSeconds;
    if (lapsing && user.refresh_token) {
      const renewed = await userManager.signinSilent().catch(() => null);
      return renewed?.access_token ?? user.access_token;
    }
    return user.access_token;
  };
}
