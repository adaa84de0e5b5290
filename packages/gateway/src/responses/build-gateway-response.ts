import type { HttpResponse } from '../http/http-response';
import { ownValue } from '../own-record';
import type { GatewayError } from './gateway-errors';
import { gatewayResponseTypes } from './gateway-response-types';
import {
  contextVariables,
  mapHeaderExpression,
  type ResponseContext,
  renderTemplate,
} from './response-context';

/**
 * The HTTP response for a gateway error: AWS's default status, body and `x-amzn-ErrorType`,
 * then the template's `GatewayResponses` for the type, or `DEFAULT_4XX` / `DEFAULT_5XX` (G8,
 * P16, P17): the type's own entry replaces the fallback's headers and templates; the status is
 * the type's own `StatusCode`, else the fallback's, else the error's own (a 502 stays a 502).
 *
 * @example
 * buildGatewayResponse(gatewayErrors.unauthorized(), context).statusCode // 401
 */
export function buildGatewayResponse(error: GatewayError, context: ResponseContext): HttpResponse {
  const defaults = gatewayResponseTypes[error.type];
  const defaultStatus = error.statusCode ?? defaults.status;
  const configured = context.api.gatewayResponses;
  const own = ownValue(configured, error.type);
  const fallback = ownValue(configured, defaultStatus >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX');
  const customization = own ?? fallback;
  // A status set on DEFAULT_4XX / DEFAULT_5XX changes every response of its class that does not
  // set its own (P17, the "Gateway response types" page).
  const statusCode = own?.statusCode ?? fallback?.statusCode ?? defaultStatus;
  const variables = contextVariables(context, error);
  const headers: [string, string][] = [
    ['Content-Type', 'application/json'],
    ['x-amzn-RequestId', context.request.requestId],
    ['x-amzn-ErrorType', error.errorType ?? defaults.errorType],
    ['x-amz-apigw-id', context.request.extendedRequestId],
  ];
  for (const [name, expression] of Object.entries(customization?.headers ?? {})) {
    const value = mapHeaderExpression(expression, context, variables);
    if (value === undefined) continue;
    const existing = headers.findIndex(([key]) => key.toLowerCase() === name.toLowerCase());
    if (existing >= 0) headers.splice(existing, 1);
    headers.push([name, value]);
  }
  const templates = customization?.templates ?? {};
  const template = ownValue(templates, 'application/json') ?? Object.values(templates)[0];
  const body =
    template === undefined
      ? error.defaultBody
      : renderTemplate(template, variables, context.api.stageVariables);
  return { statusCode, headers, body: Buffer.from(body) };
}
