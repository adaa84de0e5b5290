import type { Writable } from 'node:stream';
import { type FunctionLogLine, formatFunctionLine } from './function-log-line';
import { paint } from './log-colour';

export type { FunctionLogLine } from './function-log-line';

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
  /** One line per request. */
  access(entry: AccessLogEntry): void;
  /** A line a function wrote (its console, stdout or stderr), with its name and invocation. */
  functionLog(line: FunctionLogLine): void;
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
export function formatAccess(entry: AccessLogEntry, colour = false): string {
  const error = entry.error ? ` ${entry.error}` : '';
  const status = paint(String(entry.status), statusColour(entry.status), colour);
  return `${entry.method} ${entry.path} ${status} ${entry.latencyMs.toFixed(1)}ms authorizer=${entry.authorizer}${error} ${paint(entry.requestId, 'dim', colour)}`;
}

function statusColour(status: number) {
  if (status >= 500) return 'red';
  if (status >= 400) return 'yellow';
  return 'green';
}

/** How the console logger writes the request and function lines. */
export interface ConsoleLogOptions {
  /**
   * `text`: readable lines (a function's JSON lines as `LEVEL message key=value`); `json`: one
   * JSON object a line. Default: `LOG_FORMAT` when it is `text` or `json`, else `text` when
   * `stdout` is a terminal and `json` when it is piped.
   */
  readonly format?: 'text' | 'json';
  /** ANSI colours; default: only on a terminal, and never when `NO_COLOR` is set. */
  readonly colour?: boolean;
  /** Where every line goes (warnings and errors: `stderr`); default the process's. */
  readonly stdout?: Writable & { readonly isTTY?: boolean };
  readonly stderr?: Writable;
  /** Put before each line, e.g. `[gateway] `. */
  readonly prefix?: string;
  /** The environment that `LOG_FORMAT` and `NO_COLOR` are read from; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * The settings a console logger takes from where it writes: the format and whether to colour.
 *
 * @example
 * consoleLogSettings({ stdout: process.stdout }) // { format: 'text', colour: true } on a terminal
 */
export function consoleLogSettings(options: ConsoleLogOptions = {}): {
  readonly format: 'text' | 'json';
  readonly colour: boolean;
} {
  const env = options.env ?? process.env;
  const terminal = (options.stdout ?? process.stdout).isTTY === true;
  const chosen =
    env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'text' ? env.LOG_FORMAT : undefined;
  // NO_COLOR (no-color.org): set and not empty, no colour.
  const colour = options.colour ?? (terminal && !env.NO_COLOR);
  return { format: options.format ?? chosen ?? (terminal ? 'text' : 'json'), colour };
}

/**
 * A logger that writes one line per event: requests and function lines readable on a terminal
 * (coloured unless `NO_COLOR`) and JSON when piped (see {@link ConsoleLogOptions}).
 *
 * @example
 * startGateway({ templatePath, logger: createConsoleLogger({ prefix: '[api] ' }) });
 * // [api] GET /pets 200 12.3ms authorizer=miss 5c1f...
 * // [api] ListPetsFunction 0d6a3c1e INFO handled operationId=listPets status=200
 */
export function createConsoleLogger(options: ConsoleLogOptions = {}): GatewayLogger {
  const { format, colour } = consoleLogSettings(options);
  const prefix = options.prefix ?? '';
  const out = (line: string) => (options.stdout ?? process.stdout).write(`${prefix}${line}\n`);
  const err = (line: string) => (options.stderr ?? process.stderr).write(`${prefix}${line}\n`);
  return {
    access: (entry) =>
      out(
        format === 'json'
          ? JSON.stringify({ type: 'access', ...entry })
          : formatAccess(entry, colour),
      ),
    functionLog: (line) => {
      for (const text of formatFunctionLine(line, { format, colour })) out(text);
    },
    info: (message) => out(message),
    warn: (message) => err(`${paint('warning:', 'yellow', colour)} ${message}`),
    error: (message) => err(`${paint('error:', 'red', colour)} ${message}`),
  };
}

/** The default logger: one line per event on the console, `[gateway] ` before each. */
export const consoleLogger: GatewayLogger = createConsoleLogger({ prefix: '[gateway] ' });

/**
 * A complete logger from a partial one (missing methods fall back to the console).
 *
 * @example
 * withDefaults({ access: (entry) => lines.push(entry) })
 */
export function withDefaults(logger: Partial<GatewayLogger> | undefined): GatewayLogger {
  return { ...consoleLogger, ...logger };
}
