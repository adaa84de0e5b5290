/** One line of the access log. */
export interface AccessLogEntry {
  readonly requestId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly latencyMs: number;
  /**
   * `hit` / `miss`: the authorizer cache; `none`: no authorizer; `not-invoked`: rejected before
   * it (A2, A3); `iam`: an `AWS_IAM` method (SigV4 and IAM policies).
   */
  readonly authorizer: 'hit' | 'miss' | 'none' | 'not-invoked' | 'iam';
  /** The gateway response type when the gateway answered itself (`UNAUTHORIZED`, ...). */
  readonly error?: string;
  /**
   * Body bytes the gateway read: 0 when it answered before reading (no route, no
   * credentials), at most 10 MB and one chunk when it refused a larger body (413).
   */
  readonly bodyBytes?: number;
}

/** Where the gateway writes its access log and what it has to say. */
export interface GatewayLogger {
  access(entry: AccessLogEntry): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/**
 * Formats an access log entry as one line.
 *
 * @example
 * formatAccess(entry) // 'GET /pets 200 12.3ms authorizer=hit 5c1f...'
 */
export function formatAccess(entry: AccessLogEntry): string {
  const error = entry.error ? ` ${entry.error}` : '';
  return `${entry.method} ${entry.path} ${entry.status} ${entry.latencyMs.toFixed(1)}ms authorizer=${entry.authorizer}${error} ${entry.requestId}`;
}

/** The default logger: one line per event on the console. */
export const consoleLogger: GatewayLogger = {
  access: (entry) => console.log(`[gateway] ${formatAccess(entry)}`),
  info: (message) => console.log(`[gateway] ${message}`),
  warn: (message) => console.warn(`[gateway] warning: ${message}`),
  error: (message) => console.error(`[gateway] error: ${message}`),
};

/**
 * A complete logger from a partial one (missing methods fall back to the console).
 *
 * @example
 * withDefaults({ access: (entry) => lines.push(entry) })
 */
export function withDefaults(logger: Partial<GatewayLogger> | undefined): GatewayLogger {
  return { ...consoleLogger, ...logger };
}
