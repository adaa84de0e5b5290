import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Permission } from '@petstore/api-contract/types';
import type { HashingLimits } from '../accounts/hashing-queue';
import type { SignInLimits } from '../accounts/sign-in-throttle';
import { defaultDataDir, packageRoot } from './package-root';

// From the sources this file is src/config/defaults.ts; in the published package, a chunk in dist/.
const root = packageRoot(fileURLToPath(import.meta.url));
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
  /** `.data/dev-idp` at the repository root (git-ignored); installed, in the working directory. */
  dataDir: defaultDataDir(root, process.cwd()),
  seedUsersFile: join(root, 'seed-users.json'),
  spaClientId: 'petstore-web',
  spaRedirectUris: spaUris,
  spaPostLogoutRedirectUris: spaUris,
  m2mClientId: 'petstore-m2m',
  /** A local development secret, printed at start: never reuse it anywhere real. */
  m2mClientSecret: 'petstore-m2m-local-dev-secret',
  m2mPermissions: ['read:pets'] as readonly Permission[],
  /**
   * Failed database sign-ins: 5 per email or 20 per client address within 15 minutes lock that
   * email or address out for 15 minutes (the right password included).
   */
  signInLimits: {
    perAccount: { maxFailures: 5, windowSeconds: 15 * 60, lockoutSeconds: 15 * 60 },
    perAddress: { maxFailures: 20, windowSeconds: 15 * 60, lockoutSeconds: 15 * 60 },
  } satisfies SignInLimits,
  /** At most 2 password hashes (scrypt) at once, 32 more waiting; beyond that a sign-in is refused. */
  passwordHashing: { maxConcurrent: 2, maxWaiting: 32 } satisfies HashingLimits,
} as const;
