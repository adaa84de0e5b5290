import type { IncomingMessage } from 'node:http';
import { stsErrors } from '../protocol/sts-errors';

/**
 * The whole body of a request, refused (413 `StsError`) beyond `limit` bytes.
 *
 * @example
 * const body = await readBody(request, 65_536);
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw stsErrors.requestTooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw stsErrors.requestTooLarge(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
