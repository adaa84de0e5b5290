import type { IncomingMessage } from 'node:http';

/** A form post the interaction routes cannot take (wrong type, too large). */
export class FormBodyError extends Error {
  override readonly name = 'FormBodyError';
  readonly code = 'DEV_IDP_FORM_BODY';
  constructor(
    readonly status: 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads an `application/x-www-form-urlencoded` request body of at most `limit` bytes.
 *
 * @throws {FormBodyError} on another content type (415) or a larger body (413).
 * @example
 * const form = await readForm(req); form.get('email');
 */
export async function readForm(req: IncomingMessage, limit = 16 * 1024): Promise<URLSearchParams> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new FormBodyError(415, 'Forms must be posted as application/x-www-form-urlencoded.');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += bytes.length;
    if (size > limit) throw new FormBodyError(413, 'The form is too large.');
    chunks.push(bytes);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}
