import { isRecord } from './load-template';
import type { CorsModel } from './model';
import { type ReadContext, resolveProperty, warnUnknownProperties } from './resolve-property';

const corsKeys = new Set([
  'AllowOrigin',
  'AllowMethods',
  'AllowHeaders',
  'MaxAge',
  'AllowCredentials',
]);

/**
 * Reads SAM `Cors` (a quoted origin, or a map). Values are API Gateway mapping values, so they
 * must be quoted strings like `"'https://app.example.com'"` (C3); an unquoted value is an error,
 * as it is on deploy.
 *
 * @example
 * readCors("'*'", 'Api PetsApi', context) // { allowOrigin: '*', allowMethods: undefined, ... }
 */
export function readCors(
  cors: unknown,
  where: string,
  context: ReadContext,
): CorsModel | undefined {
  const resolved = resolveProperty(cors, `${where}.Cors`, context);
  if (resolved === undefined) return undefined;
  const properties = typeof resolved === 'string' ? { AllowOrigin: resolved } : resolved;
  if (!isRecord(properties)) {
    context.diagnostics.error(`${where}.Cors`, 'must be a quoted origin or a map');
    return undefined;
  }
  warnUnknownProperties(properties, corsKeys, `${where}.Cors`, context.diagnostics);
  const quoted = (name: string): string | undefined => {
    const value = properties[name];
    if (value === undefined) return undefined;
    const text = String(value);
    const match = /^'(.*)'$/s.exec(text);
    if (!match) {
      context.diagnostics.error(
        `${where}.Cors.${name}`,
        `${JSON.stringify(text)} must be quoted, e.g. "'${text}'" (C3)`,
      );
      return undefined;
    }
    return match[1];
  };
  const allowOrigin = quoted('AllowOrigin');
  if (properties.AllowOrigin === undefined)
    context.diagnostics.error(`${where}.Cors`, 'AllowOrigin is required');
  return {
    allowOrigin: allowOrigin ?? '',
    allowMethods: quoted('AllowMethods'),
    allowHeaders: quoted('AllowHeaders'),
    maxAge: quoted('MaxAge'),
    allowCredentials:
      properties.AllowCredentials === true || properties.AllowCredentials === 'true',
  };
}
