import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { ClientGoneError } from '../errors';
import type { GatewayRequest } from './gateway-request';
import type { HttpResponse } from './http-response';

/** API Gateway's payload limit (10 MB). */
export const maxBodyBytes = 10 * 1024 * 1024;

/**
 * API Gateway's answer to a body over 10 MB, as users captured it: it comes from in front of
 * the API (no `x-amzn-RequestId`, no `x-amzn-ErrorType`, a `REQUEST_TOO_LARGE` customization
 * does not apply), so it has no CORS header either. The connection is closed after it.
 *
 * @example
 * contentLengthExceeded().body.toString() // 'HTTP content length exceeded 10485760 bytes.'
 */
export function contentLengthExceeded(): HttpResponse {
  return {
    statusCode: 413,
    headers: [['Content-Type', 'text; charset=utf-8']],
    body: Buffer.from(`HTTP content length exceeded ${maxBodyBytes} bytes.`),
  };
}

/** The body was larger than API Gateway accepts. */
export class RequestTooLargeError extends Error {
  override readonly name = 'RequestTooLargeError';
  readonly code = 'REQUEST_TOO_LARGE';
}

/**
 * An incoming request's head (method, target, headers) as a {@link GatewayRequest} with a new
 * request id and an empty body: the body is read later, by {@link RequestBody}, once the
 * request is known to be worth reading.
 *
 * @example
 * const request = readRequestHead(incoming, Date.now());
 * request.body.length // 0
 */
export function readRequestHead(incoming: IncomingMessage, receivedAt: number): GatewayRequest {
  const target = incoming.url ?? '/';
  const question = target.indexOf('?');
  const headers: [string, string][] = [];
  for (let index = 0; index + 1 < incoming.rawHeaders.length; index += 2) {
    headers.push([incoming.rawHeaders[index] ?? '', incoming.rawHeaders[index + 1] ?? '']);
  }
  return {
    requestId: randomUUID(),
    // As AWS's `x-amz-apigw-id` values (`FiV9AHvHoAMFtsg=`): 15 letters and digits and `=` (Q11, P9; no capture shows `+`, `/`, `-` or `_`).
    extendedRequestId: extendedRequestId(),
    method: (incoming.method ?? 'GET').toUpperCase(),
    path: question < 0 ? target : target.slice(0, question),
    query: question < 0 ? '' : target.slice(question + 1),
    headers,
    body: Buffer.alloc(0),
    sourceIp: (incoming.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    serverIp: (incoming.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
    protocol: `HTTP/${incoming.httpVersion}`,
    receivedAt,
  };
}

const idAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Random bytes drawn once for many ids: one call into the system's generator per 256 requests. */
const pool = { bytes: Buffer.alloc(0), used: 0 };

/**
 * A new `x-amz-apigw-id` value: 15 random letters and digits, then `=`.
 *
 * @example
 * extendedRequestId() // 'FiV9AHvHoAMFtsg='
 */
export function extendedRequestId(): string {
  if (pool.used + 15 > pool.bytes.length) {
    pool.bytes = randomBytes(15 * 256);
    pool.used = 0;
  }
  let id = '';
  for (let index = pool.used; index < pool.used + 15; index++) {
    id += idAlphabet[(pool.bytes[index] ?? 0) % idAlphabet.length];
  }
  pool.used += 15;
  return `${id}=`;
}

/**
 * The body of an incoming request, read at most once and only on demand, never more than the
 * limit and one chunk: a declared `Content-Length` over the limit is refused without reading,
 * a chunked body as soon as it passes the limit.
 *
 * @example
 * const body = new RequestBody(incoming);
 * if (body.declaredTooLarge) // 413 without reading
 * const bytes = await body.read(); // or RequestTooLargeError, or ClientGoneError
 */
export class RequestBody {
  private reading: Promise<Buffer> | undefined;
  private read_ = 0;

  /**
   * @param beforeReading called once, when the body is first read: the server's
   * `writeContinue()` for a client that sent `Expect: 100-continue`.
   */
  constructor(
    private readonly incoming: IncomingMessage,
    private readonly beforeReading: (() => void) | undefined = undefined,
    readonly limit = maxBodyBytes,
  ) {}

  /** `Content-Length` says more than the limit. */
  get declaredTooLarge(): boolean {
    const declared = Number(this.incoming.headers['content-length'] ?? 0);
    return Number.isFinite(declared) && declared > this.limit;
  }

  /** Body bytes read off the connection so far. */
  get bytesRead(): number {
    return this.read_;
  }

  /** The whole body, or a `RequestTooLargeError` once more than the limit arrived. */
  read(): Promise<Buffer> {
    this.reading ??= this.readOnce();
    return this.reading;
  }

  private readOnce(): Promise<Buffer> {
    if (this.declaredTooLarge)
      return Promise.reject(new RequestTooLargeError('The declared body is over 10 MB'));
    const incoming = this.incoming;
    // Gone before anybody read: Node has destroyed the stream and will emit nothing more.
    if (incoming.destroyed) return Promise.reject(new ClientGoneError(undefined));
    this.beforeReading?.();
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      const stop = () => {
        incoming.off('data', onData);
        incoming.off('end', onEnd);
        incoming.off('error', onError);
      };
      const onData = (chunk: Buffer) => {
        this.read_ += chunk.length;
        chunks.push(chunk);
        if (this.read_ <= this.limit) return;
        // Stop reading at once (not destroying the stream, which would take the socket and
        // the 413 with it): the server answers with Connection: close and closes.
        stop();
        incoming.pause();
        chunks.length = 0;
        reject(new RequestTooLargeError('The body is larger than 10 MB'));
      };
      const onEnd = () => {
        stop();
        resolve(Buffer.concat(chunks));
      };
      const onError = (error: Error) => {
        stop();
        // Node's "aborted" (ECONNRESET): the connection closed with the body incomplete.
        reject(
          (error as NodeJS.ErrnoException).code === 'ECONNRESET'
            ? new ClientGoneError(this.read_, { cause: error })
            : error,
        );
      };
      incoming.on('data', onData);
      incoming.on('end', onEnd);
      incoming.on('error', onError);
    });
  }
}
