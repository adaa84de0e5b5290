import { describe, expect, it } from 'vitest';
import { clean, reportLine, summaryLine } from '../src/report';

describe("the smoke check's report", () => {
  it('prints one line per check: its verdict, its name, what matched or not', () => {
    expect(
      reportLine(
        { verdict: 'FAIL', name: 'buyer lists pets', detail: 'status 500, expected 200' },
        [],
      ),
    ).toBe('  FAIL  buyer lists pets — status 500, expected 200');
  });

  it('masks every secret an answer echoes, wherever it is in the line', () => {
    const token = 'eyJhbGciOiJSUzI1NiJ9.payload.signature';
    expect(
      reportLine(
        { verdict: 'FAIL', name: 'buyer lists pets', detail: `status 400 ("bad token ${token}")` },
        [token, 'api-key-value'],
      ),
    ).toBe('  FAIL  buyer lists pets — status 400 ("bad token [secret]")');
  });

  it("escapes control characters from the server's text, so a body cannot forge a line", () => {
    expect(clean('detail\n  PASS  forged\u001b[2K', [])).toBe('detail\\n  PASS  forged\\u001b[2K');
  });

  it('counts the verdicts in its last line', () => {
    const outcome = (verdict: 'PASS' | 'FAIL' | 'SKIP') => ({ verdict, name: 'n', detail: 'd' });
    expect(summaryLine([outcome('PASS'), outcome('FAIL'), outcome('SKIP'), outcome('PASS')])).toBe(
      '4 checks: 2 passed, 1 failed, 1 skipped',
    );
  });
});
