import { fileURLToPath } from 'node:url';
import type { Permission } from '@petstore/api-contract/types';

const spaUris = ['http://127.0.0.1:5173/', 'http://127.0.0.1:5173/callback'] as const;

/**
 * The values the dev-idp uses when neither an option nor an environment variable says otherwise.
 * Other packages (the local stack, the SPA's tests) may rely on them.
 */
export const devIdpDefaults = {
  host: '127.0.0.1',
  port: 9000,
  /** The API identifier: the resource indicator and the `aud` of access tokens. */
  audience: 'https://api.petstore.local',
  accessTokenMinutes: 10,
  /** `.data/dev-idp` at the repository root (git-ignored). */
  dataDir: fileURLToPath(new URL('../../../../.data/dev-idp', import.meta.url)),
  seedUsersFile: fileURLToPath(new URL('../../seed-users.json', import.meta.url)),
  spaClientId: 'petstore-web',
  spaRedirectUris: spaUris,
  spaPostLogoutRedirectUris: spaUris,
  m2mClientId: 'petstore-m2m',
  /** A local development secret, printed at start: never reuse it anywhere real. */
  m2mClientSecret: 'petstore-m2m-local-dev-secret',
  m2mPermissions: ['read:pets'] as readonly Permission[],
} as const;
