import type { PetStoreClient } from '@petstore/api-contract/client';
import { createContext, type ReactNode, useContext } from 'react';

const ApiContext = createContext<PetStoreClient | undefined>(undefined);

/**
 * Makes the typed API client (bearer token added by its middleware) available to the screens.
 *
 * @example
 * <ApiProvider client={createPetStoreClient({ baseUrl, getAccessToken })}><PetsSection /></ApiProvider>
 */
export function ApiProvider({ client, children }: { client: PetStoreClient; children: ReactNode }) {
  return <ApiContext value={client}>{children}</ApiContext>;
}

/**
 * The typed API client from the nearest {@link ApiProvider}.
 *
 * @example
 * const api = useApi();
 * const outcome = await callApi(() => api.GET('/me'));
 */
export function useApi(): PetStoreClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi needs an <ApiProvider> above it.');
  return client;
}
