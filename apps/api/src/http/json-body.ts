import { ValidationError } from '@petstore/domain/errors';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { header } from './header';
import { PayloadTooLargeError, UnsupportedMediaTypeError } from './request-errors';

/** Pets are small; anything bigger than this is not a pet. */
export const MAX_BODY_BYTES = 16 * 1024;

/**
 * The request's JSON body, parsed. Refuses a body that is missing, too large, not declared as
 * JSON, or not valid JSON, before anything else happens.
 *
 * @example
 * const input = jsonBody(event); // unknown: validate it next
 */
export function jsonBody(event: APIGatewayProxyEvent): unknown {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES)
    throw new PayloadTooLargeError(MAX_BODY_BYTES);

  const mediaType = header(event, 'content-type')?.split(';')[0]?.trim().toLowerCase();
  if (text.trim() === '') throw new ValidationError([{ pointer: '/body', message: 'is required' }]);
  if (mediaType !== 'application/json') throw new UnsupportedMediaTypeError();

  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError([{ pointer: '/body', message: 'is not valid JSON' }]);
  }
}
