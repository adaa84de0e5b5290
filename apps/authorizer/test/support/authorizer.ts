import { operations } from '@petstore/api-contract/operations';
import { permissionValues } from '@petstore/api-contract/types';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import type { JSONWebKeySet } from 'jose';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import { AuthorizerFaultError } from '../../src/errors';
import type { LogSink } from '../../src/log/log-sink';
import { wireAuthorizer } from '../../src/wire-authorizer';
import { audience, issuer } from './tokens';

export const api = 'arn:aws:execute-api:eu-west-1:123456789012:abc123/prod';

/** A log that keeps every entry, to check what is (and is not) written. */
export function recordingLog(): LogSink & { readonly entries: unknown[][] } {
  const entries: unknown[][] = [];
  const record =
    (level: string) =>
    (message: string, ...extra: Record<string, unknown>[]) => {
      entries.push([level, message, ...extra]);
    };
  return {
    entries,
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
  };
}

/** The authorizer exactly as the handler wires it, from environment variables. */
export function testAuthorizer(
  env: Record<string, string>,
  jwksFile?: JSONWebKeySet,
): ReturnType<typeof wireAuthorizer> & { readonly log: ReturnType<typeof recordingLog> } {
  const log = recordingLog();
  const config = loadConfig({ TOKEN_ISSUER: issuer, AUDIENCE: audience, ...env });
  const authorize = wireAuthorizer(config, {
    log,
    operations,
    permissions: permissionValues,
    ...(jwksFile ? { jwksFile } : {}),
  });
  return Object.assign(authorize, { log });
}

/** The event API Gateway sends for a call to `METHOD path` with this header value (A1). */
export function tokenEvent(
  authorizationToken: string,
  method = 'GET',
  path = '/pets',
): APIGatewayTokenAuthorizerEvent {
  return { type: 'TOKEN', authorizationToken, methodArn: `${api}/${method}${path}` };
}

/** Rejected the way API Gateway turns into 401 (A4): a plain Error saying exactly `Unauthorized`. */
export async function expectUnauthorized(outcome: Promise<unknown>): Promise<void> {
  const error = await outcome.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).constructor).toBe(Error);
  expect((error as Error).message).toBe('Unauthorized');
}

/**
 * Refused with 401 (see {@link expectUnauthorized}) and logged as rejected for `reason`, so a
 * case cannot pass by failing for some other reason.
 */
export async function expectRefused(
  authorize: ReturnType<typeof testAuthorizer>,
  authorization: string,
  reason: string,
): Promise<void> {
  await expectEventRefused(authorize, tokenEvent(authorization), reason);
}

/** {@link expectRefused} for a whole event (another method, path or methodArn). */
export async function expectEventRefused(
  authorize: ReturnType<typeof testAuthorizer>,
  event: APIGatewayTokenAuthorizerEvent,
  reason: string,
): Promise<void> {
  await expectUnauthorized(authorize(event));
  expect(authorize.log.entries.at(-1)).toEqual([
    'warn',
    'token rejected',
    expect.objectContaining({ reason }),
  ]);
}

/** Failed the way API Gateway turns into 500 (A4): any error but `Unauthorized`, logged. */
export async function expectFault(
  authorize: ReturnType<typeof testAuthorizer>,
  authorization: string,
  reason: string,
): Promise<void> {
  const error = await authorize(tokenEvent(authorization)).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(AuthorizerFaultError);
  expect((error as Error).message).not.toBe('Unauthorized');
  expect((error as AuthorizerFaultError).reason).toBe(reason);
  expect(authorize.log.entries.at(-1)).toEqual([
    'error',
    'authorizer fault',
    expect.objectContaining({ reason }),
  ]);
}
