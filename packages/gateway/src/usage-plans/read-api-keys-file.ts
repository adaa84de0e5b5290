import { readFileSync } from 'node:fs';

/**
 * Reads a local API keys file, `{ "KeyLogicalId": "value", ... }` (the CLI's `--api-keys`),
 * with an error that says what is wrong with it; never one that quotes a value.
 *
 * @example
 * readApiKeysFile('api-keys.json') // { PartnerApiApiKey: 'local-partner-key-0123456789' }
 */
export function readApiKeysFile(path: string): Record<string, string> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`--api-keys ${path}: the file cannot be read`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`--api-keys ${path}: not JSON`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error(`--api-keys ${path}: must be a JSON object of key logical ids to values`);
  const entries = Object.entries(parsed);
  const wrong = entries.find(([, value]) => typeof value !== 'string');
  if (wrong) throw new Error(`--api-keys ${path}: the value of ${wrong[0]} is not a string`);
  // Object.fromEntries: a name such as __proto__ is an own entry like any other.
  return Object.fromEntries(entries) as Record<string, string>;
}
