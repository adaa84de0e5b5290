import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';

/** A response read off the wire: status, header lines in order (names lower-cased), body text. */
export interface WireResponse {
  readonly status: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly text: string;
  /** The last value of a header (name compared case-insensitively). */
  header(name: string): string | undefined;
}

export interface WireRequest {
  readonly method: string;
  /** Sent as is: no encoding, no validation (unicode is sent as UTF-8). */
  readonly target: string;
  /** Sent as is, in order, repeated names kept. `Host` and `Connection: close` are added. */
  readonly headers?: readonly (readonly [string, string])[];
  readonly body?: Buffer;
}

/**
 * One HTTP/1.1 exchange on its own TCP connection, the request written byte for byte as given
 * (what `fetch` and `node:http` would refuse or normalise: repeated headers, unicode paths,
 * `__proto__` names); the response is read until the server closes the connection.
 *
 * @example
 * const response = await exchange(port, { method: 'GET', target: '/public?constructor=x' });
 * response.status // 200
 */
export function exchange(port: number, sent: WireRequest): Promise<WireResponse> {
  const body = sent.body ?? Buffer.alloc(0);
  const lines = [`${sent.method} ${sent.target} HTTP/1.1`, `Host: 127.0.0.1:${port}`];
  for (const [name, value] of sent.headers ?? []) lines.push(`${name}: ${value}`);
  if (body.length > 0) lines.push(`Content-Length: ${body.length}`);
  lines.push('Connection: close', '', '');
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('end', () => {
      try {
        resolve(parseResponse(Buffer.concat(chunks)));
      } catch (error) {
        reject(error);
      }
    });
    socket.write(Buffer.concat([Buffer.from(lines.join('\r\n'), 'utf8'), body]));
  });
}

function parseResponse(raw: Buffer): WireResponse {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) throw new Error(`no response head in ${JSON.stringify(raw.toString('latin1'))}`);
  const [statusLine = '', ...headerLines] = raw.subarray(0, end).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  if (!status) throw new Error(`not a status line: ${JSON.stringify(statusLine)}`);
  const headers = headerLines.map((line): [string, string] => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
  });
  const header = (name: string) =>
    headers.filter(([key]) => key === name.toLowerCase()).at(-1)?.[1];
  const length = Number(header('content-length') ?? Number.NaN);
  const rest = raw.subarray(end + 4);
  const bodyBytes = Number.isNaN(length) ? rest : rest.subarray(0, length);
  return { status: Number(status), headers, text: bodyBytes.toString('utf8'), header };
}

/** A request whose body the test writes chunk by chunk, and what the server did meanwhile. */
export interface StreamingRequest {
  /** Resolves when the response head arrives, whatever was written by then. */
  readonly response: Promise<IncomingMessage & { text: Promise<string> }>;
  /** Resolves when the server closed the connection. */
  readonly closed: Promise<void>;
  /** Writes one chunk and resolves once it was handed to the socket. */
  write(chunk: Buffer): Promise<void>;
  /** Bytes of body handed to the socket so far. */
  written(): number;
  destroy(): void;
}

/**
 * Starts a request on its own connection and leaves the body to the caller, to see whether
 * the server answers before the body is complete.
 *
 * @example
 * const sending = streamRequest(url, 'POST', '/nope', { 'Content-Length': String(10 * 2 ** 20) });
 * await sending.write(Buffer.alloc(65_536));
 * (await sending.response).statusCode // 403
 */
export function streamRequest(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
): StreamingRequest {
  let writtenBytes = 0;
  let onClose = () => {};
  const closed = new Promise<void>((resolve) => {
    onClose = resolve;
  });
  let isClosed = false;
  const outgoing = httpRequest(`${url}${path}`, { method, headers, agent: false });
  outgoing.on('socket', (socket) =>
    socket.on('close', () => {
      isClosed = true;
      onClose();
    }),
  );
  // Writing after the server closed is expected here: the write fails, the test goes on.
  outgoing.on('error', () => {});
  outgoing.flushHeaders();
  const response = new Promise<IncomingMessage & { text: Promise<string> }>((resolve, reject) => {
    outgoing.on('response', (incoming) => {
      const chunks: Buffer[] = [];
      const text = new Promise<string>((done) => {
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => done(Buffer.concat(chunks).toString('utf8')));
        incoming.on('error', () => done(Buffer.concat(chunks).toString('utf8')));
      });
      resolve(Object.assign(incoming, { text }));
    });
    outgoing.on('error', reject);
  });
  response.catch(() => {});
  return {
    response,
    closed,
    write: (chunk) =>
      new Promise((resolve) => {
        if (isClosed || outgoing.destroyed) return resolve();
        writtenBytes += chunk.length;
        outgoing.write(chunk, () => resolve());
        void closed.then(() => resolve());
      }),
    written: () => writtenBytes,
    destroy: () => outgoing.destroy(),
  };
}
