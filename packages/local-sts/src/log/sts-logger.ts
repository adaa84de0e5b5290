/** One line per call. Never holds a token, a secret, a session token or a signature. */
export interface StsCallLogEntry {
  readonly requestId: string;
  /** `Action` as asked (escaped when written), or `-` when missing. */
  readonly action: string;
  readonly status: number;
  /** `ok`, or the error code answered. */
  readonly outcome: string;
  readonly latencyMs: number;
  readonly role?: string;
  readonly session?: string;
  /** `sub` of the web identity token, or the caller's ARN for GetCallerIdentity. */
  readonly subject?: string;
  /** For refusals: precisely why (what the caller is not told). */
  readonly reason?: string;
}

/** Where the STS writes what it does. */
export interface StsLogger {
  call(entry: StsCallLogEntry): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const plain = /^[\w.:/@+=,-]{1,256}$/;

/**
 * A client-chosen value made safe for one log line: kept as is when plain, otherwise quoted as
 * JSON (control characters, quotes, spaces and non-ASCII escaped), cut at 256 characters.
 *
 * @example
 * escapeLogValue('bea-buyer') // 'bea-buyer'
 * escapeLogValue('a b\n') // '"a b\\n"'
 */
export function escapeLogValue(value: string): string {
  return plain.test(value) ? value : quote(value, 256);
}

function quote(value: string, limit: number): string {
  const cut = value.length > limit ? `${value.slice(0, limit)}...` : value;
  return JSON.stringify(cut).replace(
    /[\u007f-\uffff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * Formats a call as one line.
 *
 * @example
 * formatCall(entry) // 'AssumeRoleWithWebIdentity 403 AccessDenied role=BuyerRole session=s reason="..." 3.1ms <requestId>'
 */
export function formatCall(entry: StsCallLogEntry): string {
  const fields: string[] = [escapeLogValue(entry.action), String(entry.status), entry.outcome];
  if (entry.role !== undefined) fields.push(`role=${escapeLogValue(entry.role)}`);
  if (entry.session !== undefined) fields.push(`session=${escapeLogValue(entry.session)}`);
  if (entry.subject !== undefined) fields.push(`subject=${escapeLogValue(entry.subject)}`);
  if (entry.reason !== undefined) fields.push(`reason=${quote(entry.reason, 1024)}`);
  fields.push(`${entry.latencyMs.toFixed(1)}ms`, entry.requestId);
  return fields.join(' ');
}

/** The default logger: one line per event on the console. */
export const consoleStsLogger: StsLogger = {
  call: (entry) => console.log(`[sts] ${formatCall(entry)}`),
  info: (message) => console.log(`[sts] ${message}`),
  warn: (message) => console.warn(`[sts] warning: ${message}`),
  error: (message) => console.error(`[sts] error: ${message}`),
};
