import { type GatewayRequest, headerValue } from '../http/gateway-request';
import { type GatewayError, gatewayErrors } from '../responses/gateway-errors';
import type { RequestValidationModel } from '../template/model';
import type { BodyValidator } from './body-validator';

/**
 * A request validator (G7): with `ValidateParameters`, every `Required` header and query string
 * parameter must be present (400 BAD_REQUEST_PARAMETERS); with `ValidateBody`, the body must be
 * JSON valid against its model (400 BAD_REQUEST_BODY). `undefined` when the request passes.
 *
 * @example
 * validateRequest(route.validation, request, validator) // gatewayErrors.badRequestParameters(['type'])
 */
export function validateRequest(
  validation: RequestValidationModel | undefined,
  request: GatewayRequest,
  bodyValidator: BodyValidator,
): GatewayError | undefined {
  if (!validation) return undefined;
  if (validation.validateParameters) {
    const query = new URLSearchParams(request.query);
    const missing = validation.parameters
      .filter((parameter) => parameter.required)
      .filter((parameter) =>
        parameter.location === 'header'
          ? headerValue(request, parameter.name) === undefined
          : parameter.location === 'querystring' && !query.has(parameter.name),
      )
      .map((parameter) => parameter.name);
    if (missing.length > 0) return gatewayErrors.badRequestParameters(missing);
  }
  if (validation.validateBody && validation.bodyModel !== undefined) {
    if (!bodyValidator.isValid(validation.bodyModel, request.body))
      return gatewayErrors.badRequestBody();
  }
  return undefined;
}
