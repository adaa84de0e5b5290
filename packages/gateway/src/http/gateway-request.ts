/** One incoming request, as the gateway sees it before routing. */
export interface GatewayRequest {
  readonly requestId: string;
  readonly extendedRequestId: string;
  /** Upper-case verb. */
  readonly method: string;
  /** The path as received, still percent-encoded, without the query string (and stage prefix). */
  readonly path: string;
  /**
   * The stage prefix the client called (`/prod`), which routing took off `path`; absent when it
   * called the root, as through a custom domain mapped at `/`.
   */
  readonly stagePrefix?: string;
  /**
   * The path as the client called it, stage included when it called the stage URL, leading
   * slashes collapsed (`requestContext.path`); set by routing.
   */
  readonly calledPath?: string;
  /** The gateway's own address on the connection (the edge hop of an `EDGE` API's `X-Forwarded-For`). */
  readonly serverIp?: string;
  /** The query string without `?`, as received. */
  readonly query: string;
  /** Header names in the client's case, in order, repeated names kept. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly protocol: string;
  /** When the gateway received it (ms since the epoch, from the gateway's clock). */
  readonly receivedAt: number;
}

/**
 * The last value of a header, names compared case-insensitively (API Gateway's `headers`).
 *
 * @example
 * headerValue(request, 'authorization') // 'Bearer eyJ...'
 */
export function headerValue(
  request: Pick<GatewayRequest, 'headers'>,
  name: string,
): string | undefined {
  const wanted = name.toLowerCase();
  let found: string | undefined;
  for (const [key, value] of request.headers) if (key.toLowerCase() === wanted) found = value;
  return found;
}

/**
 * Every value of a header, names compared case-insensitively, in the order received.
 *
 * @example
 * headerValues(request, 'authorization') // ['Bearer a', 'Bearer b'] when sent twice
 */
export function headerValues(
  request: Pick<GatewayRequest, 'headers'>,
  name: string,
): readonly string[] {
  const wanted = name.toLowerCase();
  return request.headers.filter(([key]) => key.toLowerCase() === wanted).map(([, value]) => value);
}
