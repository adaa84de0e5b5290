import { Logger } from '@aws-lambda-powertools/logger';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoPetRepository } from '@petstore/domain/dynamodb';
import { createPetService, type PetService } from '@petstore/domain/pets';
import { type ApiConfig, loadConfig } from './config';

/** What every handler of this container shares, built once at cold start. */
export interface Runtime {
  readonly config: ApiConfig;
  readonly logger: Logger;
  readonly pets: PetService;
}

/**
 * Builds the runtime from the environment; throws `ConfigurationError` naming the variable.
 *
 * @example
 * const runtime = createRuntime(process.env);
 */
export function createRuntime(env: Record<string, string | undefined>): Runtime {
  const logger = new Logger({ serviceName: 'petstore-api' });
  const config = loadConfig(env);
  const client = new DynamoDBClient({
    region: config.region,
    ...(config.dynamoEndpoint ? { endpoint: config.dynamoEndpoint } : {}),
  });
  const repository = createDynamoPetRepository({
    client: DynamoDBDocumentClient.from(client),
    tableName: config.tableName,
  });
  return { config, logger, pets: createPetService({ repository }) };
}

let shared: Runtime | undefined;

/** The container's runtime (created on first use, which is the cold start). */
export function runtime(): Runtime {
  shared ??= createRuntime(process.env);
  return shared;
}
