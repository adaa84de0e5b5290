import type { Outcome } from './check';

/**
 * A report line, with every secret masked (should an answer echo a token, the report does not)
 * and control characters escaped (a body is the server's text, not ours to print raw).
 *
 * @example
 * reportLine({ verdict: 'PASS', name: 'buyer lists pets', detail: '200, 5 pets' }, [token])
 * // '  PASS  buyer lists pets — 200, 5 pets'
 */
export function reportLine(outcome: Outcome, secrets: readonly string[]): string {
  return `  ${outcome.verdict}  ${clean(`${outcome.name} — ${outcome.detail}`, secrets)}`;
}

/**
 * The last line: how many checks passed, failed and were skipped.
 *
 * @example
 * summaryLine([pass, pass, fail]) // '3 checks: 2 passed, 1 failed, 0 skipped'
 */
export function summaryLine(outcomes: readonly Outcome[]): string {
  const count = (verdict: Outcome['verdict']) =>
    outcomes.filter((outcome) => outcome.verdict === verdict).length;
  return `${outcomes.length} checks: ${count('PASS')} passed, ${count('FAIL')} failed, ${count('SKIP')} skipped`;
}

/**
 * Text with the secrets masked and control characters escaped.
 *
 * @example
 * clean('token abc123456789\n', ['abc123456789']) // 'token [secret]\\n'
 */
export function clean(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) masked = masked.replaceAll(secret, '[secret]');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
  return masked.replace(/[\u0000-\u001f\u007f]/g, (char) =>
    char === '\n' ? '\\n' : `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
