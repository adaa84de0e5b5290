/**
 * Writes what is derived from `openapi.yaml` beyond its types:
 * - `src/generated/operations.ts`, the operation table: one row per operation with its method,
 *   path template, operationId and required permissions;
 * - `src/generated/price-limits.ts`, the `Price` schema's minimum, maximum and multipleOf, for
 *   the domain's schema and the SPA's form (a few bytes, no imports).
 *
 *   tsx scripts/generate-operations.ts           write the files
 *   tsx scripts/generate-operations.ts --check   exit 1 if a file is stale
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readCommandLine } from '@petstore/command-line';
import { parse } from 'yaml';
import { deriveOperations } from '../src/derive-operations';
import { derivePriceLimits } from '../src/derive-price-limits';

const documentPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));
const document = parse(readFileSync(documentPath, 'utf8'));

const header = `/**
 * This file was generated from openapi.yaml by scripts/generate-operations.ts.
 * Do not make direct changes to the file: run \`pnpm generate\`.
 */
`;

const files = [
  {
    name: 'src/generated/operations.ts',
    source: `${header}
export const operations = ${JSON.stringify(deriveOperations(document), null, 2)} as const;
`,
  },
  {
    name: 'src/generated/price-limits.ts',
    source: `${header}
/** The contract's \`Price\`: US dollars, from \`minimum\` to \`maximum\`, in steps of \`multipleOf\`. */
export const priceLimits = ${JSON.stringify(derivePriceLimits(document))} as const;
`,
  },
];

const { values } = readCommandLine({
  usage: 'tsx scripts/generate-operations.ts [--check]',
  details:
    '  --check   compare the generated files with the contract instead of writing them (exit 1 if stale)',
  options: { check: { type: 'boolean', default: false } },
});
const { check } = values;
for (const { name, source } of files) {
  const path = fileURLToPath(new URL(`../${name}`, import.meta.url));
  if (!check) {
    writeFileSync(path, source);
    continue;
  }
  let current = '';
  try {
    current = readFileSync(path, 'utf8');
  } catch {}
  if (current !== source) {
    console.error(`${name} is stale: run \`pnpm generate\`.`);
    process.exitCode = 1;
  }
}
