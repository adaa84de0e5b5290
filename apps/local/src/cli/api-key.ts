/**
 * `pnpm api-key`: prints the partner API key's local value (the machine client's, for the
 * `x-api-key` header of the partner API), which `pnpm start` generated into DATA_DIR at its first
 * start:
 *
 *   curl -H "Authorization: Bearer $(pnpm -s access-token m2m)" -H "x-api-key: $(pnpm -s api-key)" \
 *     http://127.0.0.1:3002/pets
 */

import { readCommandLine } from '@petstore/command-line';
import { readLocalConfig } from '../config/local-config';
import { partnerApiKeyId } from '../partner/partner-api';
import { apiKeysFilePath, readLocalApiKeys } from '../stack/local-api-keys';

readCommandLine({
  usage: 'pnpm api-key',
  details:
    "Prints the partner API key (x-api-key) of the local stack's data folder (DATA_DIR), made at the first pnpm start.",
  options: {},
});

try {
  const { dataDir } = readLocalConfig(process.env);
  // Without --memory the configuration always has a data folder.
  const folder = dataDir as string;
  const value = (await readLocalApiKeys(folder))?.get(partnerApiKeyId);
  if (value === undefined) {
    console.error(
      `No partner API key in ${apiKeysFilePath(folder)}: the local stack has not started with this data folder (DATA_DIR) yet. Run pnpm start first; a stack started with --memory prints its key in its banner instead.`,
    );
    process.exit(1);
  }
  process.stdout.write(`${value}\n`);
} catch (error) {
  console.error(`No partner API key: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
