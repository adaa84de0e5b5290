import { UnsupportedConditionError } from '../errors';
import { wildcardMatches } from '../wildcard';

/** A base operator: how one policy value compares with one context value. */
export interface BaseOperator {
  readonly name: string;
  /** `...Not...` operators: true when no policy value matches (and when the key is absent). */
  readonly negated: boolean;
  readonly matches: (policyValue: string, contextValue: string) => boolean;
  /** Refuses policy values the operator cannot take (Bool: only true/false). */
  readonly accepts?: (policyValue: string) => boolean;
}

/** An operator as written in a policy: set prefix, base operator, `IfExists` suffix. */
export interface ParsedOperator {
  readonly set: 'ForAllValues' | 'ForAnyValue' | undefined;
  /** `Null` is its own kind: it tests presence, not values. */
  readonly base: BaseOperator | 'Null';
  readonly ifExists: boolean;
}

const exact = (policyValue: string, contextValue: string) => policyValue === contextValue;
const ignoringCase = (policyValue: string, contextValue: string) =>
  policyValue.toLowerCase() === contextValue.toLowerCase();
const like = (policyValue: string, contextValue: string) =>
  wildcardMatches(policyValue, contextValue);
const bool = (policyValue: string, contextValue: string) =>
  policyValue.toLowerCase() === contextValue.toLowerCase();
const isBoolean = (policyValue: string) => /^(true|false)$/i.test(policyValue);

/**
 * ARN operators compare each of the six `:`-separated parts separately, each part with
 * `*` and `?` wildcards (so a `*` never crosses a `:`), case-sensitively.
 */
function arnLike(policyValue: string, contextValue: string): boolean {
  const pattern = arnParts(policyValue);
  const arn = arnParts(contextValue);
  if (!pattern || !arn) return false;
  return pattern.every((part, index) => wildcardMatches(part, arn[index] ?? ''));
}

function arnParts(value: string): readonly string[] | undefined {
  const parts = value.split(':');
  if (parts.length < 6) return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

const base = (name: string, negated: boolean, matches: BaseOperator['matches']): BaseOperator => ({
  name,
  negated,
  matches,
});

/** The operators implemented, by their documented (case-sensitive) names. */
const operators = new Map<string, BaseOperator>(
  [
    base('StringEquals', false, exact),
    base('StringNotEquals', true, exact),
    base('StringEqualsIgnoreCase', false, ignoringCase),
    base('StringNotEqualsIgnoreCase', true, ignoringCase),
    base('StringLike', false, like),
    base('StringNotLike', true, like),
    { ...base('Bool', false, bool), accepts: isBoolean },
    base('ArnEquals', false, arnLike),
    base('ArnLike', false, arnLike),
    base('ArnNotEquals', true, arnLike),
    base('ArnNotLike', true, arnLike),
  ].map((operator) => [operator.name, operator]),
);

const setPrefix = /^(ForAllValues|ForAnyValue):/;

/**
 * Splits an operator name into its set prefix, base operator and `IfExists` suffix. Anything
 * not implemented throws {@link UnsupportedConditionError} naming it.
 *
 * @example
 * parseOperator('ForAnyValue:StringLikeIfExists')
 * // { set: 'ForAnyValue', base: { name: 'StringLike', ... }, ifExists: true }
 */
export function parseOperator(operator: string): ParsedOperator {
  const prefix = setPrefix.exec(operator);
  const set = prefix ? (prefix[1] as 'ForAllValues' | 'ForAnyValue') : undefined;
  let rest = prefix ? operator.slice(prefix[0].length) : operator;
  const ifExists = rest.endsWith('IfExists');
  if (ifExists) rest = rest.slice(0, -'IfExists'.length);
  if (rest === 'Null') {
    // Null tests presence itself: IfExists or a set prefix would make it meaningless.
    if (ifExists || set) throw new UnsupportedConditionError(operator);
    return { set, base: 'Null', ifExists };
  }
  const found = operators.get(rest);
  if (!found) throw new UnsupportedConditionError(operator);
  return { set, base: found, ifExists };
}
