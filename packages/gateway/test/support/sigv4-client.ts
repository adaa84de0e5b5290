import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { signRequest as sign } from '@petstore/sigv4/sign';

export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

export interface TestRequest {
  readonly method: string;
  /** Path and query exactly as they go on the wire. */
  readonly target: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly text: string;
}

export interface SignOptions {
  /** Signing time in ms (the gateway's injected clock is compared with it). */
  readonly at: number;
  readonly region?: string;
  readonly service?: string;
}

/**
 * A request to `baseUrl` signed with SigV4 by `@smithy/signature-v4`, the signer the AWS SDK uses.
 *
 * @example
 * const signed = await signRequest(url, { method: 'GET', path: '/pets' }, credentials, { at: now });
 * const response = await send(url, signed);
 */
export async function signRequest(
  baseUrl: string,
  input: {
    readonly method?: string;
    readonly path: string;
    readonly query?: Readonly<Record<string, string>>;
    readonly headers?: Readonly<Record<string, string>>;
    readonly body?: string;
  },
  credentials: SigningCredentials,
  options: SignOptions,
): Promise<TestRequest> {
  const method = input.method ?? 'GET';
  const signed = await sign(
    {
      method,
      origin: baseUrl,
      path: input.path,
      ...(input.query ? { query: input.query } : {}),
      ...(input.headers ? { headers: input.headers } : {}),
      ...(input.body === undefined ? {} : { body: input.body }),
    },
    {
      credentials,
      region: options.region ?? 'us-east-1',
      ...(options.service ? { service: options.service } : {}),
      at: options.at,
    },
  );
  const query = new URLSearchParams(input.query).toString();
  return {
    method,
    target: `${input.path}${query ? `?${query}` : ''}`,
    headers: signed.headers,
    body: input.body,
  };
}

/**
 * Sends a request with `node:http`, headers and target untouched (no normalisation, no extras).
 *
 * @example
 * const { status, headers, text } = await send(url, signed);
 */
export function send(baseUrl: string, request: TestRequest): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(baseUrl);
    const outgoing = httpRequest(
      { hostname, port, path: request.target, method: request.method, headers: request.headers },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        incoming.on('error', reject);
      },
    );
    outgoing.on('error', reject);
    outgoing.end(request.body);
  });
}
