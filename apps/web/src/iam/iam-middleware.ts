import type { PetStoreClient } from '@petstore/api-contract/client';
import type { IamSettings } from '../config/iam-settings';
import { CredentialSource, type IdentityUser } from './credential-source';
import { idTokenHeader, wantsIdToken } from './id-token-header';
import { signRequest } from './sign-request';

/** A middleware of the typed client (openapi-fetch's `Middleware`). */
export type ClientMiddleware = Parameters<PetStoreClient['use']>[0];

export interface IamMiddlewareOptions {
  readonly iam: IamSettings;
  /** The signed-in user with fresh tokens, or null (then requests go unsigned, and are refused). */
  readonly getUser: () => Promise<IdentityUser | null>;
  /** Epoch milliseconds, for the signature and the credentials' expiry. Defaults to `Date.now`. */
  readonly now?: () => number;
  /** The STS client's `fetch`. Defaults to the global one. */
  readonly fetch?: typeof fetch;
}

/**
 * The typed client's IAM mode: every request gets the ID token header where the contract wants
 * it, then a SigV4 signature (service `execute-api`) with temporary credentials for the role the
 * ID token's session tag names, from STS. Without credentials the request is not sent: the call
 * fails with a `CredentialsError` saying why.
 *
 * @example
 * const api = createPetStoreClient({ baseUrl: config.apiUrl, getAccessToken: () => undefined });
 * api.use(iamMiddleware({ iam: config.iam, getUser: () => currentUser(userManager, { idToken: true }) }));
 */
export function iamMiddleware(options: IamMiddlewareOptions): ClientMiddleware {
  const now = options.now ?? Date.now;
  const source = new CredentialSource({
    stsUrl: options.iam.stsUrl,
    roleArns: options.iam.roleArns,
    now,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return {
    async onRequest({ request, schemaPath }) {
      const user = await options.getUser();
      if (!user) return request;
      if (user.id_token && wantsIdToken(request.method, schemaPath)) {
        request.headers.set(idTokenHeader, user.id_token);
      }
      const credentials = await source.credentialsFor(user);
      await signRequest(request, credentials, { region: options.iam.region, now: now() });
      return request;
    },
  };
}
