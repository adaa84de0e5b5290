/**
 * Whether a character could forge or hide log lines when written raw: line breaks of every kind
 * (including NEL, LINE and PARAGRAPH SEPARATOR), C0 and C1 controls (ANSI escapes start with
 * ESC), and the bidirectional overrides that reorder what a terminal shows.
 */
const isUnsafe = (code: number) =>
  code < 0x20 ||
  (code >= 0x7f && code <= 0x9f) ||
  code === 0x2028 ||
  code === 0x2029 ||
  (code >= 0x202a && code <= 0x202e) ||
  (code >= 0x2066 && code <= 0x2069);

const escapeUnsafe = (text: string) =>
  Array.from(text, (char) => {
    const code = char.codePointAt(0) ?? 0;
    return isUnsafe(code) ? `\\u${code.toString(16).padStart(4, '0')}` : char;
  }).join('');

/**
 * A value as it may appear in a log line: quoted, with quotes, backslashes, line breaks and
 * control characters escaped, so a client-supplied value can never start a line of its own or
 * pass for the text around it. Errors log their stack (on one line).
 *
 * @example
 * escapeLogValue('eve\ndev-idp: forged') // '"eve\\ndev-idp: forged"'
 */
export function escapeLogValue(value: unknown): string {
  const text = value instanceof Error ? (value.stack ?? value.message) : String(value);
  return escapeUnsafe(JSON.stringify(text));
}

/**
 * Template tag for log lines: the literal parts are ours, every interpolated value goes through
 * {@link escapeLogValue}. The one way the dev-idp writes values into its log.
 *
 * @example
 * log(logLine`dev-idp: database sign-in refused for ${email}`);
 * // 'dev-idp: database sign-in refused for "eve\\n..."'
 */
export function logLine(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  return strings.reduce(
    (line, chunk, index) =>
      line + chunk + (index < values.length ? escapeLogValue(values[index]) : ''),
    '',
  );
}
