import { isDeepStrictEqual } from 'node:util';
import { type Answer, contractDrift, type Route, schemaDrift } from './contract-drift';

/** How one check ended: PASS, FAIL, or SKIP (its inputs were not given, or a step before it failed). */
export interface Outcome {
  readonly verdict: 'PASS' | 'FAIL' | 'SKIP';
  readonly name: string;
  /** What matched (PASS), what did not (FAIL), or why it did not run (SKIP). */
  readonly detail: string;
}

/** One HTTP answer as a check sees it. */
export interface Reply extends Answer {
  readonly headers: Headers;
}

/**
 * A body, short and on one line, for a report.
 *
 * @example
 * excerpt({ message: 'Unauthorized' }) // '{"message":"Unauthorized"}'
 */
export function excerpt(body: unknown): string {
  if (body === undefined || body === '') return 'no body';
  const text = typeof body === 'string' ? JSON.stringify(body) : (JSON.stringify(body) ?? '');
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}

/** What a check expects of the answers it gets; each mismatch is kept, in order. */
export class Expectations {
  readonly problems: string[] = [];

  /** The status is `expected`; otherwise the problem shows what came instead. */
  status(reply: Reply, expected: number): boolean {
    if (reply.status === expected) return true;
    this.problems.push(`status ${reply.status}, expected ${expected} (${excerpt(reply.body)})`);
    return false;
  }

  /** The header is exactly `expected`. */
  header(reply: Reply, name: string, expected: string): void {
    const actual = reply.headers.get(name);
    if (actual !== expected) {
      this.problems.push(
        `${name}: ${actual === null ? 'missing' : JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`,
      );
    }
  }

  /** The header is a comma-separated list holding each of `items` (case-insensitive). */
  headerLists(reply: Reply, name: string, items: readonly string[]): void {
    const listed = (reply.headers.get(name) ?? '')
      .split(',')
      .map((item) => item.trim().toLowerCase());
    const missing = items.filter((item) => !listed.includes(item.toLowerCase()));
    if (missing.length > 0) {
      this.problems.push(
        `${name} lacks ${missing.join(', ')} (${JSON.stringify(reply.headers.get(name))})`,
      );
    }
  }

  /** The answer is one the contract allows this operation. */
  contract(route: Route, reply: Reply): void {
    this.problems.push(...contractDrift(route, reply));
  }

  /** The body is valid for one of the contract's component schemas. */
  schema(name: string, body: unknown): void {
    this.problems.push(...schemaDrift(name, body));
  }

  /** `actual` deeply equals `expected` (the order of an object's keys aside). */
  equal(label: string, actual: unknown, expected: unknown): void {
    if (!isDeepStrictEqual(actual, expected)) {
      this.problems.push(`${label} ${excerpt(actual)}, expected ${excerpt(expected)}`);
    }
  }

  /** A condition of the check's own, with the problem to report when it does not hold. */
  that(condition: boolean, problem: string): void {
    if (!condition) this.problems.push(problem);
  }
}

/**
 * Runs one check: `body` makes its calls, states its expectations, and says what passed. It
 * fails with every unmet expectation, or with the error that stopped it (`no answer: ...` when
 * nothing answered or it timed out): a check never throws.
 *
 * @example
 * const outcome = await check('token API without a token: 401', async (expect) => {
 *   const reply = await send(`${api}/pets`);
 *   expect.status(reply, 401);
 *   return '401 {"message":"Unauthorized"}';
 * });
 */
export async function check(
  name: string,
  body: (expect: Expectations) => Promise<string>,
): Promise<Outcome> {
  const expect = new Expectations();
  try {
    const passed = await body(expect);
    if (expect.problems.length === 0) return { verdict: 'PASS', name, detail: passed };
  } catch (error) {
    expect.problems.push(noAnswer(error) ? `no answer: ${reasonOf(error)}` : reasonOf(error));
  }
  return { verdict: 'FAIL', name, detail: expect.problems.join('; ') };
}

/**
 * The outcome of a check that did not run, and why.
 *
 * @example
 * skipped('IAM API unsigned (GET /pets): 403', 'no --iam-api') // { verdict: 'SKIP', ... }
 */
export function skipped(name: string, reason: string): Outcome {
  return { verdict: 'SKIP', name, detail: reason };
}

/** Whether the error is fetch's: nothing answered (refused, reset, timed out). */
function noAnswer(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return true;
  return error instanceof TypeError && error.message === 'fetch failed';
}

/**
 * An error's message with its causes (fetch's `fetch failed` says little without its cause).
 *
 * @example
 * reasonOf(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }))
 * // 'fetch failed: connect ECONNREFUSED'
 */
export function reasonOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined; depth += 1) {
    if (current instanceof Error) {
      parts.push(current.name === 'TimeoutError' ? 'timed out' : current.message);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.join(': ');
}
