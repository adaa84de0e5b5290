import type { UserManager } from 'oidc-client-ts';
import { currentUser } from './current-user';

/**
 * The typed client's `getAccessToken` in token mode: the signed-in user's access token, renewed
 * first when it has expired or is about to ({@link currentUser}). If renewal fails the old token
 * is sent and the API's 401 tells the person to sign in again.
 *
 * @example
 * createPetStoreClient({ baseUrl, getAccessToken: accessTokenSource(userManager) });
 */
export function accessTokenSource(userManager: UserManager): () => Promise<string | undefined> {
  return async () => (await currentUser(userManager))?.access_token;
}
