import { InvalidPolicyError, UnsupportedPolicyError } from '../errors';
import type { ConditionBlock, ConditionValue } from '../policy-document';
import type { NormalizedContext } from './condition-context';
import { type ParsedOperator, parseOperator } from './operators';

/** One key test of a condition block, checked and ready to evaluate. */
export interface ConditionTest {
  readonly operator: ParsedOperator;
  /** Lower-cased. */
  readonly key: string;
  /** OR: the test holds for a context value when any of these matches it. */
  readonly values: readonly string[];
}

/**
 * Checks a condition block and flattens it into tests, all of which must hold (several
 * operators, or several keys under one operator, are AND). Throws on an operator that is not
 * implemented, a value of the wrong type, or a policy variable.
 *
 * @example
 * compileConditions({ StringEquals: { 'aws:RequestTag/PetRole': ['admin', 'buyer'] } })
 * // [{ operator: ..., key: 'aws:requesttag/petrole', values: ['admin', 'buyer'] }]
 */
export function compileConditions(block: ConditionBlock | undefined): readonly ConditionTest[] {
  if (block === undefined) return [];
  if (!isRecord(block)) throw new InvalidPolicyError('Condition must be an object');
  const tests: ConditionTest[] = [];
  for (const [name, keys] of Object.entries(block)) {
    const operator = parseOperator(name);
    if (!isRecord(keys)) throw new InvalidPolicyError(`Condition ${name} must be an object`);
    for (const [key, raw] of Object.entries(keys)) {
      const values = (Array.isArray(raw) ? raw : [raw]).map((value) => asText(value, name, key));
      if (values.length === 0) throw new InvalidPolicyError(`Condition ${name} ${key} is empty`);
      const accepts = operator.base === 'Null' ? isBoolean : operator.base.accepts;
      const refused = accepts ? values.find((value) => !accepts(value)) : undefined;
      if (refused !== undefined) {
        throw new InvalidPolicyError(
          `Condition ${name} ${key}: ${JSON.stringify(refused)} is not true or false`,
        );
      }
      tests.push({ operator, key: key.toLowerCase(), values });
    }
  }
  return tests;
}

/**
 * Whether every test holds for the request's context (IAM's condition operator rules):
 * - a key absent from the context fails the test, except for negated operators (true),
 *   `...IfExists` (true) and `Null` (which tests exactly that);
 * - `ForAllValues:` holds when every context value matches some policy value (and when the
 *   key is absent); `ForAnyValue:` when at least one does (never when absent);
 * - without a set prefix, a key with several values holds when any of them matches
 *   (negated: when none does).
 *
 * @example
 * conditionsHold(compileConditions({ StringEquals: { 'aws:RequestTag/PetRole': 'admin' } }),
 *   normalizeContext(new Map([['aws:RequestTag/PetRole', 'admin']]))) // true
 */
export function conditionsHold(
  tests: readonly ConditionTest[],
  context: NormalizedContext,
): boolean {
  return tests.every((test) => testHolds(test, context));
}

function testHolds({ operator, key, values }: ConditionTest, context: NormalizedContext): boolean {
  const present = context.get(key) ?? [];
  if (operator.base === 'Null') {
    // "true": the key must be absent; "false": present. Several values: OR.
    return values.some((value) => (value.toLowerCase() === 'true') === (present.length === 0));
  }
  const { negated, matches } = operator.base;
  if (present.length === 0) {
    if (operator.ifExists) return true;
    if (operator.set === 'ForAllValues') return true;
    if (operator.set === 'ForAnyValue') return false;
    return negated;
  }
  const valueHolds = (contextValue: string) => {
    const matched = values.some((policyValue) => matches(policyValue, contextValue));
    return negated ? !matched : matched;
  };
  if (operator.set === 'ForAllValues') return present.every(valueHolds);
  if (operator.set === 'ForAnyValue') return present.some(valueHolds);
  return negated ? present.every(valueHolds) : present.some(valueHolds);
}

function asText(value: unknown, operator: string, key: string): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string') {
    throw new InvalidPolicyError(`Condition ${operator} ${key}: values must be strings`);
  }
  if (value.includes('${')) {
    throw new UnsupportedPolicyError(
      `Condition ${operator} ${key}: policy variables are not supported`,
    );
  }
  return value;
}

function isBoolean(value: string): boolean {
  return /^(true|false)$/i.test(value);
}

function isRecord(value: unknown): value is Readonly<Record<string, ConditionValue | unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
