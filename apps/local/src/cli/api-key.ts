/**
 * `pnpm api-key`: prints the partner API key's local value (the machine client's, for the
 * `x-api-key` header of the partner API), which `pnpm start` generated into DATA_DIR at its first
 * start:
 *
 *   curl -H "Authorization: Bearer $(pnpm -s access-token m2m)" -H "x-api-key: $(pnpm -s api-key)" \
 *     http://127.0.0.1:3002/pets
 *
 * A stack started with --memory keeps its key in memory (its banner prints it): when only such
 * stacks run, the key of DATA_DIR is not the one they serve, and the command says so (exit 1).
 */

import { readCommandLine } from '@petstore/command-line';
import { LocalConfigError, readLocalConfig } from '../config/local-config';
import { partnerApiKeyId } from '../partner/partner-api';
import { apiKeysFilePath, readLocalApiKeys } from '../stack/local-api-keys';
import { readStackRecords } from '../stack/stack-record';

readCommandLine({
  usage: 'pnpm api-key',
  details:
    "Prints the partner API key (x-api-key) of the local stack's data folder (DATA_DIR), made at the first pnpm start.",
  options: {},
});

const fail = (message: string, code = 1): never => {
  console.error(`pnpm api-key: ${message}`);
  process.exit(code);
};

try {
  const { recordsDir: folder } = readLocalConfig(process.env);
  const running = readStackRecords(folder);
  const onThisFolder = running.find((record) => !record.memory);
  const inMemory = running.filter((record) => record.memory);
  if (!onThisFolder && inMemory.length > 0) {
    const pids = inMemory.map((record) => record.pid).join(', ');
    fail(
      `the local stack running (PID ${pids}) was started with --memory: its partner API key lives in its memory only, and its banner prints it. The key of this data folder (DATA_DIR) is for a stack started without --memory.`,
    );
  }
  const value = (await readLocalApiKeys(folder))?.get(partnerApiKeyId);
  if (value === undefined) {
    fail(
      `no partner API key in ${apiKeysFilePath(folder)}: the local stack has not started with this data folder (DATA_DIR) yet. Run pnpm start first; a stack started with --memory prints its key in its banner instead.`,
    );
  }
  process.stdout.write(`${value}\n`);
  if (!onThisFolder) {
    console.error(
      'pnpm api-key: no local stack runs on this data folder now; this is the key it serves once started (pnpm start).',
    );
  }
} catch (error) {
  fail(
    error instanceof Error ? error.message : String(error),
    error instanceof LocalConfigError ? 2 : 1,
  );
}
