import type { IncomingMessage } from 'node:http';
import { ClientGoneError } from '@petstore/gateway/errors';
import { stsErrors } from '../protocol/sts-errors';

/**
 * The whole body of a request, refused (413 `StsError`) beyond `limit` bytes; a
 * {@link ClientGoneError} when the client left before it had arrived.
 *
 * @example
 * const body = await readBody(request, 65_536);
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw stsErrors.requestTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > limit) throw stsErrors.requestTooLarge(limit);
      chunks.push(buffer);
    }
  } catch (error) {
    // Node's "aborted" (ECONNRESET): the connection closed with the body incomplete.
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    throw new ClientGoneError(size, { cause: error });
  }
  return Buffer.concat(chunks);
}
