import { createPetStoreClient, type PetStoreClient } from '@petstore/api-contract/client';
import type { UserManager } from 'oidc-client-ts';
import { accessTokenSource } from '../auth/access-token-source';
import { currentUser } from '../auth/current-user';
import type { WebConfig } from '../config/web-config';
import { lazyMiddleware } from '../iam/lazy-middleware';

/**
 * The typed client for the configured API. Token mode: the access token as a bearer token. IAM
 * mode: no bearer token; each request is signed with SigV4 by the IAM middleware, whose code
 * (STS exchange, signer) loads in a chunk of its own so the initial JavaScript stays small.
 *
 * @example
 * const api = createApiClient(readWebConfig(import.meta.env), userManager);
 * await api.GET('/me');
 */
export function createApiClient(config: WebConfig, userManager: UserManager): PetStoreClient {
  if (config.mode === 'token') {
    return createPetStoreClient({
      baseUrl: config.apiUrl,
      getAccessToken: accessTokenSource(userManager),
    });
  }
  const api = createPetStoreClient({ baseUrl: config.apiUrl, getAccessToken: () => undefined });
  const { iam } = config;
  api.use(
    lazyMiddleware(async () => {
      const { iamMiddleware } = await import('../iam/iam-middleware');
      return iamMiddleware({ iam, getUser: () => currentUser(userManager, { idToken: true }) });
    }),
  );
  return api;
}
