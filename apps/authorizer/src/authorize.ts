import {
  type AuthorizerContext,
  authorizerContext,
} from '@petstore/api-contract/authorizer-context';
import { parseMethodArn } from '@petstore/iam-policy/execute-api-arn';
import type { APIGatewayTokenAuthorizerEvent } from 'aws-lambda';
import { AuthorizerFaultError, TokenRejectedError } from './errors';
import type { Identity } from './identity/identity';
import type { LogSink } from './log/log-sink';
import { tokenTraits } from './log/token-traits';
import type { IamPolicy, PolicyBuilder } from './policy/build-policy';
import type { TokenVerifier, VerifiedToken } from './verify/verify-token';

export interface AuthorizerParts {
  readonly verify: TokenVerifier;
  readonly identify: (claims: VerifiedToken['claims']) => Identity;
  readonly policyFor: PolicyBuilder;
  readonly log: LogSink;
  /** Bounds what is decoded for the logs. */
  readonly maxTokenBytes: number;
}

/** What API Gateway gets back (A5): assignable to aws-lambda's `APIGatewayAuthorizerResult`. */
export interface AuthorizerResult {
  principalId: string;
  policyDocument: IamPolicy;
  context: AuthorizerContext;
}

export type Authorizer = (event: APIGatewayTokenAuthorizerEvent) => Promise<AuthorizerResult>;

/**
 * The TOKEN authorizer from its parts. A token problem throws exactly `Unauthorized` (401,
 * AWS-BEHAVIOR A4); anything else throws an {@link AuthorizerFaultError} (500). Both are
 * logged with the token's fingerprint, never the token.
 *
 * @example
 * const authorize = createAuthorizer({ verify, identify, policyFor, log: logger, maxTokenBytes: 8192 });
 * const { principalId, policyDocument, context } = await authorize(event);
 */
export function createAuthorizer(parts: AuthorizerParts): Authorizer {
  return async (event) => {
    try {
      if (event?.type !== 'TOKEN') throw new AuthorizerFaultError('INVALID_EVENT');
      // The token first: a token problem is a 401 whatever the methodArn holds.
      const { claims } = await parts.verify(event.authorizationToken);
      // API Gateway's part of the methodArn (A1) malformed is its fault (or the emulator's),
      // not the token's; the called path may hold any character.
      const arn = parseMethodArn(event.methodArn);
      if (!arn) throw new AuthorizerFaultError('INVALID_METHOD_ARN');
      const identity = parts.identify(claims);
      const result = {
        principalId: identity.sub,
        policyDocument: parts.policyFor(identity.permissions, arn),
        context: authorizerContext(identity),
      };
      parts.log.info('authorized', {
        sub: identity.sub,
        tokenType: identity.tokenType,
        permissions: identity.permissions,
      });
      return result;
    } catch (error) {
      const traits = tokenTraits(event?.authorizationToken, parts.maxTokenBytes);
      if (error instanceof TokenRejectedError) {
        parts.log.warn('token rejected', {
          reason: error.reason,
          detail: detailOf(error),
          ...traits,
        });
        throw new Error('Unauthorized');
      }
      const fault =
        error instanceof AuthorizerFaultError
          ? error
          : new AuthorizerFaultError('INTERNAL', { cause: error });
      parts.log.error('authorizer fault', {
        reason: fault.reason,
        detail: detailOf(fault),
        ...traits,
      });
      throw fault;
    }
  };
}

/**
 * The cause of a rejection or fault, for the log. A cause's `code` (jose's `ERR_JWT_EXPIRED`,
 * Node's `ECONNREFUSED`) comes before its class name, which the minified bundle renames.
 */
function detailOf(error: Error): string {
  const { cause } = error;
  if (!(cause instanceof Error)) return error.message;
  const code = (cause as { code?: unknown }).code;
  return `${typeof code === 'string' ? code : cause.name}: ${cause.message}`;
}
