import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/schema';

export type PetStoreClient = Client<paths>;

export interface PetStoreClientOptions {
  /** The API's base URL, e.g. `http://127.0.0.1:3000` or the stage URL on AWS. */
  readonly baseUrl: string;
  /** Returns the current access token, or undefined to send the request without one. */
  readonly getAccessToken: () => string | undefined | Promise<string | undefined>;
  /** Defaults to the global `fetch`. */
  readonly fetch?: typeof fetch;
}

/**
 * Creates the typed API client, which adds `Authorization: Bearer <token>` to every request.
 *
 * @example
 * const api = createPetStoreClient({ baseUrl: 'http://127.0.0.1:3000', getAccessToken: () => token });
 * const { data, error } = await api.GET('/pets', { params: { query: { type: 'dog' } } });
 */
export function createPetStoreClient(options: PetStoreClientOptions): PetStoreClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use(bearerAuth(options.getAccessToken));
  return client;
}

function bearerAuth(getAccessToken: PetStoreClientOptions['getAccessToken']): Middleware {
  return {
    async onRequest({ request }) {
      const token = await getAccessToken();
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
}
