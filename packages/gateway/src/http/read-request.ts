import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { GatewayRequest } from './gateway-request';

/** API Gateway's payload limit (10 MB). */
export const maxBodyBytes = 10 * 1024 * 1024;

/** The body was larger than API Gateway accepts. */
export class RequestTooLargeError extends Error {
  override readonly name = 'RequestTooLargeError';
  readonly code = 'REQUEST_TOO_LARGE';
}

/**
 * Reads an incoming request (body included, up to 10 MB) into a {@link GatewayRequest} with a
 * new request id.
 *
 * @example
 * const request = await readRequest(incoming, Date.now());
 */
export async function readRequest(
  incoming: IncomingMessage,
  receivedAt: number,
): Promise<GatewayRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += (chunk as Buffer).length;
    if (size > maxBodyBytes) throw new RequestTooLargeError('The body is larger than 10 MB');
    chunks.push(chunk as Buffer);
  }
  const target = incoming.url ?? '/';
  const question = target.indexOf('?');
  const headers: [string, string][] = [];
  for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) {
    headers.push([incoming.rawHeaders[index] ?? '', incoming.rawHeaders[index + 1] ?? '']);
  }
  return {
    requestId: randomUUID(),
    extendedRequestId: `${randomBytes(10).toString('base64').slice(0, 15)}=`,
    method: (incoming.method ?? 'GET').toUpperCase(),
    path: question < 0 ? target : target.slice(0, question),
    query: question < 0 ? '' : target.slice(question + 1),
    headers,
    body: Buffer.concat(chunks),
    sourceIp: (incoming.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    protocol: `HTTP/${incoming.httpVersion}`,
    receivedAt,
  };
}
