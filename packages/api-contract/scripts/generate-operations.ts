/**
 * Writes `src/generated/operations.ts`, the operation table derived from `openapi.yaml`:
 * one row per operation with its method, path template, operationId and required permissions.
 *
 *   tsx scripts/generate-operations.ts           write the file
 *   tsx scripts/generate-operations.ts --check   exit 1 if the file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { deriveOperations } from '../src/derive-operations';

const documentPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
const outputPath = fileURLToPath(new URL('../src/generated/operations.ts', import.meta.url));

const operations = deriveOperations(parse(readFileSync(documentPath, 'utf8')));
const source = `/**
 * This file was generated from openapi.yaml by scripts/generate-operations.ts.
 * Do not make direct changes to the file: run \`pnpm generate\`.
 */

export const operations = ${JSON.stringify(operations, null, 2)} as const;
`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(outputPath, 'utf8');
  } catch {}
  if (current !== source) {
    console.error('src/generated/operations.ts is stale: run `pnpm generate`.');
    process.exit(1);
  }
} else {
  writeFileSync(outputPath, source);
}
