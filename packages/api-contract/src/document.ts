import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** Absolute path of `openapi.yaml`, for tools that read the contract from disk. */
export const contractPath = fileURLToPath(new URL('../openapi.yaml', import.meta.url));

/**
 * Reads and parses the contract (Node.js only).
 *
 * @example
 * const document = loadContract();
 * document.components.schemas.Pet; // the Pet schema, as JSON Schema 2020-12
 */
export function loadContract(): ContractDocument {
  return parse(readFileSync(contractPath, 'utf8')) as ContractDocument;
}

export interface ContractDocument {
  openapi: string;
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> } & Record<string, unknown>;
}
