import type { Diagnostics } from './diagnostics';
import { isRecord } from './load-template';
import type { EsbuildModel } from './model';
import { warnUnknownProperties } from './resolve-property';

const supported = new Set([
  'EntryPoints',
  'Format',
  'Target',
  'Minify',
  'Sourcemap',
  'External',
  'OutExtension',
  'Banner',
  'MainFields',
  'Platform',
]);

/**
 * Reads SAM's esbuild `Metadata` (defaults as `sam build`: CommonJS, es2020, minified).
 *
 * @example
 * readEsbuild({ BuildMethod: 'esbuild', BuildProperties: { EntryPoints: ['app.ts'] } }, where, d)
 * // { entryPoints: ['app.ts'], format: 'cjs', ... }
 */
export function readEsbuild(
  metadata: Readonly<Record<string, unknown>> | undefined,
  where: string,
  diagnostics: Diagnostics,
): EsbuildModel | undefined {
  if (!metadata || metadata.BuildMethod === undefined) return undefined;
  if (metadata.BuildMethod !== 'esbuild') {
    diagnostics.warn(
      `${where}.Metadata.BuildMethod`,
      `${String(metadata.BuildMethod)} is not run: CodeUri is served as it is`,
    );
    return undefined;
  }
  const properties = isRecord(metadata.BuildProperties) ? metadata.BuildProperties : {};
  warnUnknownProperties(properties, supported, `${where}.Metadata.BuildProperties`, diagnostics);
  const entryPoints = strings(properties.EntryPoints);
  if (entryPoints.length === 0)
    diagnostics.error(`${where}.Metadata`, 'esbuild needs BuildProperties.EntryPoints');
  const format = properties.Format === 'esm' ? 'esm' : 'cjs';
  return {
    entryPoints,
    format,
    target: typeof properties.Target === 'string' ? properties.Target : 'es2020',
    minify: properties.Minify !== false && properties.Minify !== 'false',
    sourcemap: properties.Sourcemap === true || properties.Sourcemap === 'true',
    external: strings(properties.External),
    outExtension: pairs(properties.OutExtension),
    banner: pairs(properties.Banner),
    mainFields: properties.MainFields === undefined ? undefined : strings(properties.MainFields),
  };
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return value.split(',').map((item) => item.trim());
  return Array.isArray(value) ? value.map(String) : [];
}

/** `['.js=.mjs']` or `{ '.js': '.mjs' }` to `{ '.js': '.mjs' }`. */
function pairs(value: unknown): Record<string, string> {
  if (isRecord(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
  const result: Record<string, string> = {};
  for (const item of strings(value)) {
    const at = item.indexOf('=');
    if (at > 0) result[item.slice(0, at)] = item.slice(at + 1);
  }
  return result;
}
