import { type OperationId, operation } from '@petstore/api-contract/operations';
import { StoreUnavailableError } from '@petstore/domain/errors';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { type Caller, callerOf, requirePermissions } from './http/caller';
import { corsHeaders } from './http/cors';
import { header } from './http/header';
import { isExpectedError, problemResponse, toProblem } from './http/problem';
import { RequestError } from './http/request-errors';
import { runtime } from './runtime';

/** What an operation's code receives: the event and the authenticated caller. */
export interface OperationRequest {
  readonly event: APIGatewayProxyEvent;
  readonly caller: Caller;
}

/** What an operation's code answers; the wrapper serialises it and adds CORS headers. */
export interface OperationReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

export type ProxyHandler = (
  event: APIGatewayProxyEvent,
  context: Context,
) => Promise<APIGatewayProxyResult>;

/**
 * Wraps one operation's code as a Lambda proxy handler: checks the permissions the contract
 * requires for `operationId` (defence in depth behind the gateway: the authorizer's policy on the
 * token API, the role's on the IAM API), maps errors to RFC 9457
 * problems, adds CORS headers for allowed origins, and logs one line per call.
 *
 * @example
 * import { pets } from '../pet-service';
 * export const handler = defineHandler('getPet', async ({ event }) => ({
 *   status: 200,
 *   body: await pets.getPet(event.pathParameters?.petId),
 * }));
 */
export function defineHandler(
  operationId: OperationId,
  run: (request: OperationRequest) => Promise<OperationReply>,
): ProxyHandler {
  const { permissions } = operation(operationId);
  const { config, logger } = runtime();

  return async (event, context) => {
    const requestId = event.requestContext?.requestId ?? context.awsRequestId;
    logger.resetKeys();
    logger.addContext(context);
    logger.appendKeys({ operationId, requestId });
    const cors = corsHeaders(header(event, 'origin'), config.allowedOrigins);
    const caller = callerOf(event, config.assumedRoles);
    try {
      requirePermissions(caller, permissions);
      const reply = await run({ event, caller });
      logger.info('handled', { status: reply.status, caller: caller.subject });
      return {
        statusCode: reply.status,
        headers: {
          ...(reply.body === undefined ? {} : { 'Content-Type': 'application/json' }),
          ...reply.headers,
          ...cors,
        },
        body: reply.body === undefined ? '' : JSON.stringify(reply.body),
      };
    } catch (error) {
      const problem = toProblem(error, event.path, requestId);
      if (error instanceof StoreUnavailableError) {
        // A fault of the infrastructure, not of the request: logged as one, with the SDK's error.
        logger.error('unavailable', { error: error.cause as Error, caller: caller.subject });
      } else if (isExpectedError(error)) {
        logger.info('refused', {
          status: problem.status,
          code: problem.code,
          caller: caller.subject,
          ...(error instanceof RequestError && error.logDetail ? { detail: error.logDetail } : {}),
        });
      } else {
        logger.error('failed', { error: error as Error, caller: caller.subject });
      }
      const response = problemResponse(problem, error);
      return { ...response, headers: { ...response.headers, ...cors } };
    }
  };
}
