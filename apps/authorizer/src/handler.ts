import { operations } from '@petstore/api-contract/operations';
import { permissionValues } from '@petstore/api-contract/types';
import type { APIGatewayAuthorizerResult, APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { loadConfig } from './config/load-config';
import { readJwksFile } from './keys/read-jwks-file';
import { jsonLogger } from './log/json-logger';
import { wireAuthorizer } from './wire-authorizer';

// Cold start: configuration, logger, keys and policy plans are built once per environment.
const config = loadConfig(process.env);
const logger = jsonLogger({ serviceName: 'petstore-authorizer', logLevel: config.logLevel });
const authorize = wireAuthorizer(config, {
  log: logger,
  operations,
  permissions: permissionValues,
  ...(config.jwksFile ? { jwksFile: readJwksFile(config.jwksFile) } : {}),
});

/**
 * Lambda entry point (`Handler: index.handler`): API Gateway's TOKEN authorizer event in,
 * principal, cache-safe policy and context out.
 *
 * @example
 * await handler({ type: 'TOKEN', authorizationToken: 'Bearer eyJ...', methodArn })
 */
export function handler(
  event: APIGatewayTokenAuthorizerEvent,
): Promise<APIGatewayAuthorizerResult> {
  return authorize(event);
}
