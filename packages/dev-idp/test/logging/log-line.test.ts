import { describe, expect, it } from 'vitest';
import { escapeLogValue, logLine } from '../../src/logging/log-line';

describe('log lines', () => {
  it('quotes each value and escapes line breaks of every kind, controls and bidi overrides', () => {
    // Prepare
    const hostile = 'a\nb\r\nc\u0085d\u2028e\u2029f\u001b[31mg\u202eh"i\\j';

    // Act
    const line = logLine`dev-idp: refused for ${hostile} at ${7}`;

    // Assess
    expect(line).toBe(
      'dev-idp: refused for "a\\nb\\r\\nc\\u0085d\\u2028e\\u2029f\\u001b[31mg\\u202eh\\"i\\\\j" at "7"',
    );
    expect([...line].filter((char) => '\n\r\u0085\u2028\u2029\u001b\u202e'.includes(char))).toEqual(
      [],
    );
  });

  it('logs an error as its stack on one line', () => {
    // Prepare
    const error = new Error('bad\nthing');

    // Act
    const value = escapeLogValue(error);

    // Assess
    expect(value.startsWith('"Error: bad\\nthing\\n    at ')).toBe(true);
    expect(value).not.toContain('\n');
  });
});
