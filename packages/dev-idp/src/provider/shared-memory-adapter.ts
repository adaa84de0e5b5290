import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  readonly payload: AdapterPayload;
  readonly expiresAt: number;
}

/** Models whose records belong to a grant and go when the grant is revoked. */
const grantable = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

/**
 * An in-memory oidc-provider adapter factory whose records are shared by every provider instance
 * given the same factory. oidc-provider's own memory adapter keeps one store per instance, which
 * would sign everyone out when a key rotation swaps the instance. State lives as long as the
 * process, as a local development provider's should.
 *
 * @example
 * const adapter = createSharedMemoryAdapter();
 * new Provider(issuer, { adapter }); new Provider(issuer, { adapter }); // same sessions
 */
export function createSharedMemoryAdapter(clock: () => number = Date.now) {
  const records = new Map<string, Entry>();
  const indexes = new Map<string, string>();
  const grants = new Map<string, Set<string>>();
  let writes = 0;

  const live = (key: string) => {
    const entry = records.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > clock()) return entry.payload;
    records.delete(key);
    return undefined;
  };
  const prune = () => {
    for (const key of records.keys()) live(key);
    for (const [index, key] of indexes) if (!records.has(key)) indexes.delete(index);
    for (const [grantId, members] of grants) {
      for (const key of members) if (!records.has(key)) members.delete(key);
      if (members.size === 0) grants.delete(grantId);
    }
  };

  return (model: string): Adapter => {
    const keyOf = (id: string) => `${model}:${id}`;
    return {
      async upsert(id, payload, expiresIn) {
        writes += 1;
        if (writes % 500 === 0) prune();
        const key = keyOf(id);
        const expiresAt =
          expiresIn === undefined ? Number.POSITIVE_INFINITY : clock() + expiresIn * 1000;
        records.set(key, { payload, expiresAt });
        if (payload.uid) indexes.set(`uid:${payload.uid}`, key);
        if (payload.userCode) indexes.set(`userCode:${payload.userCode}`, key);
        if (grantable.has(model) && payload.grantId) {
          const members = grants.get(payload.grantId) ?? new Set<string>();
          grants.set(payload.grantId, members.add(key));
        }
      },
      async find(id) {
        return live(keyOf(id));
      },
      async findByUid(uid) {
        const key = indexes.get(`uid:${uid}`);
        return key === undefined ? undefined : live(key);
      },
      async findByUserCode(userCode) {
        const key = indexes.get(`userCode:${userCode}`);
        return key === undefined ? undefined : live(key);
      },
      async consume(id) {
        const payload = live(keyOf(id));
        if (payload) payload.consumed = Math.floor(clock() / 1000);
      },
      async destroy(id) {
        records.delete(keyOf(id));
      },
      async revokeByGrantId(grantId) {
        for (const key of grants.get(grantId) ?? []) records.delete(key);
        grants.delete(grantId);
      },
    };
  };
}
