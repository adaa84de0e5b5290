import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { ClientGoneError } from '@petstore/gateway/errors';
import type { ActionHandler, CallNotes } from '../actions/action-handler';
import type { StsLogger } from '../log/sts-logger';
import { StsError } from '../protocol/sts-error';
import { stsErrors } from '../protocol/sts-errors';
import { errorXml, successXml } from '../protocol/xml-response';
import { corsHeaders, preflightHeaders } from './cors';
import { readBody } from './read-body';
import { readParameters } from './read-parameters';

/** STS's only API version. */
export const stsVersion = '2011-06-15';

// Actions of the real STS this emulator does not implement: told apart from unknown ones.
const otherStsActions = new Set([
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoot',
  'DecodeAuthorizationMessage',
  'GetAccessKeyInfo',
  'GetDelegatedAccessToken',
  'GetFederationToken',
  'GetSessionToken',
  'GetWebIdentityToken',
]);

export interface StsRequestHandlerOptions {
  /** By `Action` name. */
  readonly actions: ReadonlyMap<string, ActionHandler>;
  readonly logger: StsLogger;
  /** Largest body accepted, in bytes (default 64 KiB: a 20 000-character token and a policy fit). */
  readonly bodyLimit?: number;
  /** Epoch ms for the `Date` header (SDKs correct their clock skew from it). Default `Date.now`. */
  readonly clock?: () => number;
}

/**
 * The HTTP side of the Query protocol: CORS preflight, parameters from the query string and the
 * form body, `Action` and `Version` dispatch, XML answers with `x-amzn-RequestId`, one log line.
 *
 * @example
 * const server = createServer(createStsRequestHandler({ actions, logger }));
 */
export function createStsRequestHandler(options: StsRequestHandlerOptions) {
  const bodyLimit = options.bodyLimit ?? 65_536;
  const clock = options.clock ?? Date.now;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, preflightHeaders(request)).end();
      return;
    }
    const started = performance.now();
    const requestId = randomUUID();
    const notes: CallNotes = {};
    let action = '-';
    let status = 200;
    let outcome = 'ok';
    let reason: string | undefined;
    let body: string;
    try {
      if (request.method !== 'GET' && request.method !== 'POST')
        throw new StsError(405, 'MethodNotAllowed', `Method ${request.method} is not allowed`);
      const rawUrl = request.url ?? '/';
      const at = rawUrl.indexOf('?');
      const rawPath = at < 0 ? rawUrl : rawUrl.slice(0, at);
      const rawQuery = at < 0 ? '' : rawUrl.slice(at + 1);
      const bytes = await readBody(request, bodyLimit);
      const parameters = readParameters(rawQuery, bytes, request.headers['content-type']);
      const asked = parameters.get('Action');
      if (asked === undefined) throw stsErrors.missingAction();
      action = asked;
      const version = parameters.get('Version');
      const handler = options.actions.get(asked);
      if (version !== stsVersion || !handler) {
        if (version === stsVersion && otherStsActions.has(asked))
          throw stsErrors.notEmulated(asked);
        throw stsErrors.invalidAction(asked, version);
      }
      const headers = new Map(
        Object.entries(request.headersDistinct).map(([k, v]) => [k, v ?? []]),
      );
      const result = await handler(
        {
          requestId,
          parameters,
          raw: { method: request.method, rawPath, rawQuery, headers, body: bytes },
        },
        notes,
      );
      body = successXml(asked, result, requestId);
    } catch (caught) {
      // Expected on any network: one line, no stack, no answer (nobody to read it).
      if (caught instanceof ClientGoneError) {
        options.logger.warn(`${requestId}: ${caught.message}`);
        return;
      }
      const error = caught instanceof StsError ? caught : stsErrors.internalFailure(String(caught));
      if (!(caught instanceof StsError)) {
        options.logger.error(
          `${action} ${requestId}: ${caught instanceof Error ? (caught.stack ?? caught.message) : String(caught)}`,
        );
      }
      status = error.status;
      outcome = error.code;
      reason = error.detail;
      body = errorXml(error, requestId);
    }
    response.writeHead(status, {
      ...corsHeaders(),
      date: new Date(clock()).toUTCString(),
      'content-type': 'text/xml',
      'x-amzn-RequestId': requestId,
      ...(status === 413 ? { connection: 'close' } : {}),
    });
    response.end(body);
    options.logger.call({
      requestId,
      action,
      status,
      outcome,
      latencyMs: performance.now() - started,
      ...notes,
      ...(reason === undefined ? {} : { reason }),
    });
  };
}
