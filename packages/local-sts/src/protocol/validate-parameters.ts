import type { StsParameters } from '../http/sts-request';
import { stsErrors } from './sts-errors';

/** A member's constraints, as STS's service model states them. */
export interface MemberRule {
  /** The query parameter, e.g. `RoleSessionName`. */
  readonly parameter: string;
  readonly required?: boolean;
  /** Sensitive members (the token) are named without their value in the message. */
  readonly sensitive?: boolean;
  readonly pattern?: { readonly source: string; readonly regex: RegExp };
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly integer?: { readonly min: number; readonly max: number };
}

/**
 * Checks parameters against their rules and throws STS's `ValidationError` listing every violation:
 * `1 validation error detected: Value 'x' at 'roleSessionName' failed to satisfy constraint: ...`
 * (members named in lower camel case, violations joined by `; `, `Value null` when missing).
 *
 * @example
 * validateParameters(params, [{ parameter: 'RoleSessionName', required: true, minLength: 2, maxLength: 64 }]);
 */
export function validateParameters(parameters: StsParameters, rules: readonly MemberRule[]): void {
  const violations: string[] = [];
  for (const rule of rules) {
    const value = parameters.get(rule.parameter);
    const member = rule.parameter.charAt(0).toLowerCase() + rule.parameter.slice(1);
    const subject = rule.sensitive
      ? 'Value'
      : `Value ${value === undefined ? 'null' : `'${value}'`}`;
    const add = (constraint: string) =>
      violations.push(
        `${subject} at '${member}' failed to satisfy constraint: Member ${constraint}`,
      );
    if (value === undefined) {
      if (rule.required) add('must not be null');
      continue;
    }
    if (rule.pattern && !rule.pattern.regex.test(value))
      add(`must satisfy regular expression pattern: ${rule.pattern.source}`);
    const length = [...value].length;
    if (rule.minLength !== undefined && length < rule.minLength)
      add(`must have length greater than or equal to ${rule.minLength}`);
    if (rule.maxLength !== undefined && length > rule.maxLength)
      add(`must have length less than or equal to ${rule.maxLength}`);
    if (rule.integer) {
      const number = Number(value);
      if (!/^-?\d+$/.test(value)) add('must be an integer');
      else if (number < rule.integer.min)
        add(`must have value greater than or equal to ${rule.integer.min}`);
      else if (number > rule.integer.max)
        add(`must have value less than or equal to ${rule.integer.max}`);
    }
  }
  if (violations.length === 0) return;
  const count = `${violations.length} validation error${violations.length === 1 ? '' : 's'} detected`;
  throw stsErrors.validation(`${count}: ${violations.join('; ')}`);
}
