import { Logger } from '@aws-lambda-powertools/logger';
import { type ApiConfig, loadConfig } from './config';

/** What every handler of this container shares, built once at cold start. */
export interface Runtime {
  readonly config: ApiConfig;
  readonly logger: Logger;
}

let shared: Runtime | undefined;

/**
 * The container's runtime (created on first use, which is the cold start); throws a
 * `ConfigurationError` naming the variable when the environment is wrong.
 *
 * @example
 * const { config, logger } = runtime();
 */
export function runtime(): Runtime {
  shared ??= {
    config: loadConfig(process.env),
    logger: new Logger({ serviceName: 'petstore-api' }),
  };
  return shared;
}
