import type { OperationRow } from '@petstore/api-contract/operations';
import type { JSONWebKeySet } from 'jose';
import { type Authorizer, createAuthorizer } from './authorize';
import type { AuthorizerConfig } from './config/load-config';
import { identityOf } from './identity/identity';
import { createKeySource } from './keys/key-source';
import type { LogSink } from './log/log-sink';
import { createPolicyBuilder } from './policy/build-policy';
import { createTokenVerifier } from './verify/verify-token';

export interface AuthorizerDependencies {
  readonly log: LogSink;
  /** The contract's operation table. */
  readonly operations: readonly OperationRow[];
  /** The API's permission names. */
  readonly permissions: readonly string[];
  /** The JWKS file's content, when `JWKS_FILE` is set. */
  readonly jwksFile?: JSONWebKeySet;
}

/**
 * Assembles the authorizer from its configuration: key source, verifier, identity reader and
 * policy builder. The handler calls it once per cold start; tests call it to get the same
 * authorizer with their own log and key server.
 *
 * @example
 * const authorize = wireAuthorizer(loadConfig(process.env), { log: logger, operations, permissions: permissionValues });
 */
export function wireAuthorizer(
  config: AuthorizerConfig,
  dependencies: AuthorizerDependencies,
): Authorizer {
  const keys = createKeySource({
    jwksUri: config.jwksUri,
    cooldownSeconds: config.jwksCooldownSeconds,
    timeoutMs: config.jwksTimeoutMs,
    ...(dependencies.jwksFile ? { file: dependencies.jwksFile } : {}),
  });
  const identityOptions = {
    nameClaim: config.nameClaim,
    permissionsClaim: config.permissionsClaim,
    knownPermissions: dependencies.permissions,
  };
  return createAuthorizer({
    verify: createTokenVerifier({ ...config, keys }),
    identify: (claims) => identityOf(claims, identityOptions),
    policyFor: createPolicyBuilder(dependencies.operations),
    log: dependencies.log,
    maxTokenBytes: config.maxTokenBytes,
  });
}
