import { readFileSync } from 'node:fs';
import { GatewayOptionsError } from '../errors';
import type { EnvironmentOverrides } from './lambda-environment';

/**
 * Reads a `sam local --env-vars` file: JSON `{ "FunctionLogicalId": { "VAR": "value" },
 * "Parameters": { "VAR": "value" } }`, where `Parameters` applies to every function. Values are
 * strings (numbers and booleans are taken as their text). A file that cannot be read, is not
 * JSON, or holds another shape is refused, naming the file and what is wrong.
 *
 * @example
 * readEnvVarsFile('env.json') // { '*': { STAGE: 'local' }, ListPetsFunction: { LOG_LEVEL: 'DEBUG' } }
 */
export function readEnvVarsFile(path: string): EnvironmentOverrides {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new GatewayOptionsError(`${path}: cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new GatewayOptionsError(`${path}: is not JSON (${(error as Error).message})`);
  }
  if (!isObject(json)) {
    throw new GatewayOptionsError(
      `${path}: must be a JSON object of functions, e.g. { "MyFunction": { "VAR": "value" }, "Parameters": { ... } }`,
    );
  }
  const overrides = new Map<string, Readonly<Record<string, string>>>();
  for (const [target, variables] of Object.entries(json)) {
    if (!isObject(variables)) {
      throw new GatewayOptionsError(`${path}: "${target}" must be an object of variables`);
    }
    const values = Object.entries(variables).map(([name, value]) => {
      if (typeof value === 'string') return [name, value] as const;
      if (typeof value === 'number' || typeof value === 'boolean')
        return [name, String(value)] as const;
      throw new GatewayOptionsError(
        `${path}: "${target}"."${name}" must be a string, a number or a boolean`,
      );
    });
    // Object.fromEntries: a name such as __proto__ is an own entry like any other.
    overrides.set(target === 'Parameters' ? '*' : target, Object.fromEntries(values));
  }
  return Object.fromEntries(overrides);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
