import * as z from 'zod';
import { parseEnvironment } from './config';

const tableSchema = z.object({
  TABLE_NAME: z.string().min(3).max(255),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
});

export interface TableConfig {
  /** The Pets table. */
  readonly tableName: string;
  readonly region: string;
  /** Set locally (dynalite); unset on AWS. */
  readonly dynamoEndpoint?: string;
}

/**
 * Where the pets are, for the handlers that use the table; throws a `ConfigurationError`
 * naming the variable.
 *
 * @example
 * loadTableConfig({ TABLE_NAME: 'pets', AWS_REGION: 'eu-west-1' }) // { tableName: 'pets', region: 'eu-west-1' }
 */
export function loadTableConfig(env: Record<string, string | undefined>): TableConfig {
  const { TABLE_NAME, AWS_REGION, DYNAMODB_ENDPOINT } = parseEnvironment(tableSchema, env);
  return {
    tableName: TABLE_NAME,
    region: AWS_REGION,
    ...(DYNAMODB_ENDPOINT ? { dynamoEndpoint: DYNAMODB_ENDPOINT } : {}),
  };
}
