import { startLocalDynamo } from '@petstore/domain/dynamodb/local';
import type { TestProject } from 'vitest/node';
import { type IdTokenIssuerInfo, startIdTokenIssuer } from './id-token-issuer';

/**
 * One in-memory dynalite and one ID token issuer (JWKS) for the whole run, on random loopback
 * ports.
 */
export default async function setup(project: TestProject) {
  const [dynamo, issuer] = await Promise.all([startLocalDynamo(), startIdTokenIssuer()]);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('idTokenIssuer', issuer.info);
  return async () => {
    await Promise.all([dynamo.close(), issuer.close()]);
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    idTokenIssuer: IdTokenIssuerInfo;
  }
}
