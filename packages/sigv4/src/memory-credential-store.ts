import type { CredentialStore, TemporaryCredentials } from './credentials';

/**
 * A {@link CredentialStore} in memory, keyed by access key id (a `Map`: ids come from
 * clients). For the local STS to keep what it issued and for tests of the gateway.
 *
 * @example
 * const store = new MemoryCredentialStore();
 * store.add(credentials);
 * store.find(credentials.accessKeyId) === credentials // true
 */
export class MemoryCredentialStore implements CredentialStore {
  readonly #byKey = new Map<string, TemporaryCredentials>();

  add(credentials: TemporaryCredentials): void {
    this.#byKey.set(credentials.accessKeyId, credentials);
  }

  find(accessKeyId: string): TemporaryCredentials | undefined {
    return this.#byKey.get(accessKeyId);
  }
}
