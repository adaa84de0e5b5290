import { InMemoryWebStorage, WebStorageStateStore } from 'oidc-client-ts';

/** A state or user store in memory, for tests outside a browser. */
export function memoryStore(): WebStorageStateStore {
  return new WebStorageStateStore({ store: new InMemoryWebStorage() });
}
