/**
 * A value made safe for one log line: control characters, quotes and backslashes escaped as in
 * JSON, cut at `max` characters, so that a client cannot forge lines or flood the log.
 *
 * @example
 * logText('AKIA\nforged line') // 'AKIA\\nforged line'
 */
export function logText(value: string, max = 300): string {
  const escaped = JSON.stringify(value).slice(1, -1);
  return escaped.length > max ? `${escaped.slice(0, max)}...` : escaped;
}
