import { readCommandLine } from '@petstore/command-line';
import { resolveDevIdpConfig } from '../config/dev-idp-config';
import { DevIdpConfigError } from '../errors';
import { rotateKeyFile } from '../keys/key-file';
import { keyRetentionSeconds } from '../keys/key-retention';

/**
 * `rotate-keys`: a new signing key in the data directory; the previous one stays published for
 * the access token lifetime (env `DEV_IDP_ACCESS_TOKEN_MINUTES`) plus a minute.
 *
 * @example
 * await rotateKeysCommand([]);
 */
export async function rotateKeysCommand(args: readonly string[]): Promise<void> {
  readCommandLine(
    {
      usage: 'petstore-dev-idp rotate-keys',
      details: 'A new signing key in the data directory (DEV_IDP_DATA_DIR); no options.',
      options: {},
    },
    args,
  );
  const config = resolveDevIdpConfig();
  if (!config.dataDir) throw new DevIdpConfigError('rotate-keys needs a data directory');
  const retentionSeconds = keyRetentionSeconds(config.accessTokenMinutes);
  const { set, dropped } = await rotateKeyFile(config.dataDir, { retentionSeconds });
  const [current, ...retired] = set.keys;
  console.log(`New signing key: ${current?.kid}`);
  for (const key of retired) {
    const until = new Date(((set.retiredAt[key.kid] ?? 0) + retentionSeconds) * 1000);
    console.log(`Still published until ${until.toISOString()}: ${key.kid}`);
  }
  for (const kid of dropped) console.log(`Dropped (its tokens have expired): ${kid}`);
  console.log('A running dev-idp on this data directory picks the new key up without a restart.');
}
