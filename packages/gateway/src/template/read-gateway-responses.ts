import { gatewayResponseTypes } from '../responses/gateway-response-types';
import { isRecord } from './load-template';
import type { GatewayResponseModel } from './model';
import { type ReadContext, resolveProperty, warnUnknownProperties } from './resolve-property';

const responseKeys = new Set(['StatusCode', 'ResponseParameters', 'ResponseTemplates']);
const parameterKeys = new Set(['Headers']);
const mapping =
  /^(?:'.*'|method\.request\.(?:header|querystring|path)\.[^.]+|context\.[\w.]+|stageVariables\.\w+)$/s;

/**
 * Reads SAM `GatewayResponses` (G8): per response type a status code, header mappings (quoted
 * static values or `method.request.header.X`, ...) and body templates.
 *
 * @example
 * readGatewayResponses({ DEFAULT_4XX: { ResponseParameters: { Headers: { 'Access-Control-Allow-Origin': "'*'" } } } }, where, context)
 */
export function readGatewayResponses(
  value: unknown,
  where: string,
  context: ReadContext,
): Record<string, GatewayResponseModel> {
  const resolved = resolveProperty(value ?? {}, `${where}.GatewayResponses`, context);
  const result: Record<string, GatewayResponseModel> = {};
  if (!isRecord(resolved)) return result;
  const { diagnostics } = context;
  for (const [type, definition] of Object.entries(resolved)) {
    const at = `${where}.GatewayResponses.${type}`;
    if (!Object.hasOwn(gatewayResponseTypes, type)) {
      diagnostics.error(at, 'is not an API Gateway response type');
      continue;
    }
    const properties = isRecord(definition) ? definition : {};
    warnUnknownProperties(properties, responseKeys, at, diagnostics);
    const parameters = isRecord(properties.ResponseParameters) ? properties.ResponseParameters : {};
    warnUnknownProperties(parameters, parameterKeys, `${at}.ResponseParameters`, diagnostics);
    const headers: Record<string, string> = {};
    for (const [name, expression] of Object.entries(
      isRecord(parameters.Headers) ? parameters.Headers : {},
    )) {
      const text = String(expression).trim();
      if (mapping.test(text)) headers[name] = text;
      else
        diagnostics.error(
          `${at}.ResponseParameters.Headers.${name}`,
          `${JSON.stringify(text)} is not quoted nor a mapping expression (C3)`,
        );
    }
    const templates = isRecord(properties.ResponseTemplates) ? properties.ResponseTemplates : {};
    for (const [contentType, template] of Object.entries(templates)) {
      if (/#(?:if|set|foreach|else|end)\b/.test(String(template))) {
        diagnostics.warn(
          `${at}.ResponseTemplates.${contentType}`,
          'VTL directives are not run: only $context / $stageVariables references are substituted',
        );
      }
    }
    result[type] = {
      statusCode: properties.StatusCode === undefined ? undefined : Number(properties.StatusCode),
      headers,
      templates: Object.fromEntries(Object.entries(templates).map(([k, v]) => [k, String(v)])),
    };
  }
  return result;
}
