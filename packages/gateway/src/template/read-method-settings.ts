import { isRecord } from './load-template';
import type { MethodSettingModel } from './model';
import { type ReadContext, resolveProperty, warnUnknownProperties } from './resolve-property';

const settingKeys = new Set([
  'ResourcePath',
  'HttpMethod',
  'ThrottlingRateLimit',
  'ThrottlingBurstLimit',
  'LoggingLevel',
  'MetricsEnabled',
  'DataTraceEnabled',
]);

/**
 * Reads stage `MethodSettings` throttling (T1). `ResourcePath` is `/*` or a path with `/`
 * written `~1` (`/~1pets~1{petId}`); `HttpMethod` is `*` or a verb.
 *
 * @example
 * readMethodSettings([{ ResourcePath: '/*', HttpMethod: '*', ThrottlingRateLimit: 10 }], where, context)
 * // [{ resourcePath: '/*', httpMethod: '*', rateLimit: 10, burstLimit: undefined }]
 */
export function readMethodSettings(
  value: unknown,
  where: string,
  context: ReadContext,
): MethodSettingModel[] {
  const resolved = resolveProperty(value ?? [], `${where}.MethodSettings`, context);
  if (!Array.isArray(resolved)) return [];
  return resolved.filter(isRecord).map((setting, index) => {
    warnUnknownProperties(
      setting,
      settingKeys,
      `${where}.MethodSettings[${index}]`,
      context.diagnostics,
    );
    const path = String(setting.ResourcePath ?? '/*');
    const number = (name: string) =>
      setting[name] === undefined ? undefined : Number(setting[name]);
    return {
      resourcePath: path === '/*' ? path : path.replaceAll('~1', '/').replace(/^\/\//, '/'),
      httpMethod: String(setting.HttpMethod ?? '*').toUpperCase(),
      rateLimit: number('ThrottlingRateLimit'),
      burstLimit: number('ThrottlingBurstLimit'),
    };
  });
}
