import type { PetStoreClient } from '@petstore/api-contract/client';
import { createContext, type ReactNode, useContext } from 'react';
import type { ApiMode } from '../config/web-config';

interface ApiContextValue {
  readonly client: PetStoreClient;
  readonly mode: ApiMode;
}

const ApiContext = createContext<ApiContextValue | undefined>(undefined);

export interface ApiProviderProps {
  readonly client: PetStoreClient;
  /** Which API the client calls (default `token`): the screens read who is signed in accordingly. */
  readonly mode?: ApiMode;
  readonly children: ReactNode;
}

/**
 * Makes the typed API client (bearer token or SigV4 signature added by its middleware) and its
 * mode available to the screens.
 *
 * @example
 * <ApiProvider client={createPetStoreClient({ baseUrl, getAccessToken })}><PetsSection /></ApiProvider>
 */
export function ApiProvider({ client, mode = 'token', children }: ApiProviderProps) {
  return <ApiContext value={{ client, mode }}>{children}</ApiContext>;
}

function useApiContext(): ApiContextValue {
  const value = useContext(ApiContext);
  if (!value) throw new Error('useApi needs an <ApiProvider> above it.');
  return value;
}

/**
 * The typed API client from the nearest {@link ApiProvider}.
 *
 * @example
 * const api = useApi();
 * const outcome = await callApi(() => api.GET('/me'));
 */
export function useApi(): PetStoreClient {
  return useApiContext().client;
}

/**
 * The mode of the nearest {@link ApiProvider}'s client: `token` or `iam`.
 *
 * @example
 * const mode = useApiMode();
 */
export function useApiMode(): ApiMode {
  return useApiContext().mode;
}
