import { isRecord } from './load-template';

/**
 * Merges a `Globals` section into a resource's properties as SAM does: the resource's own
 * scalars win, maps merge key by key, lists are concatenated (globals first).
 *
 * @example
 * applyGlobals({ Timeout: 10 }, { Timeout: 3, MemorySize: 256 }) // { Timeout: 10, MemorySize: 256 }
 */
export function applyGlobals(
  properties: Readonly<Record<string, unknown>> | undefined,
  globals: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  return merge(globals ?? {}, properties ?? {});
}

function merge(base: Readonly<Record<string, unknown>>, own: Readonly<Record<string, unknown>>) {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(own)) {
    const inherited = merged[key];
    if (isPlainMap(inherited) && isPlainMap(value)) merged[key] = merge(inherited, value);
    else if (Array.isArray(inherited) && Array.isArray(value))
      merged[key] = [...inherited, ...value];
    else merged[key] = value;
  }
  return merged;
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  const onlyKey = keys.length === 1 ? keys[0] : undefined;
  return !(onlyKey === 'Ref' || onlyKey?.startsWith('Fn::'));
}
