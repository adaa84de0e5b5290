import { startLocalDynamo } from '@petstore/domain/dynamodb/local';
import type { TestProject } from 'vitest/node';

/** One in-memory dynalite for the whole run, on a random loopback port. */
export default async function setup(project: TestProject) {
  const dynamo = await startLocalDynamo();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return () => dynamo.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
