import { ownValue } from '../own-record';
import type { Diagnostics } from './diagnostics';
import type { RawTemplate } from './load-template';

export type ParameterValue = string | readonly string[];

/**
 * The template's parameter values: the caller's, else each `Default`, checked against
 * `AllowedValues` / `AllowedPattern` like CloudFormation does; list types become arrays.
 *
 * @example
 * readParameters(template, { Stage: 'dev' }, diagnostics) // { Stage: 'dev', LogLevel: 'INFO' }
 */
export function readParameters(
  template: RawTemplate,
  supplied: Readonly<Record<string, string>>,
  diagnostics: Diagnostics,
): Record<string, ParameterValue> {
  const declared = template.Parameters ?? {};
  for (const name of Object.keys(supplied)) {
    if (!Object.hasOwn(declared, name))
      diagnostics.error(`Parameter ${name}`, 'supplied but not declared in Parameters');
  }
  const values: Record<string, ParameterValue> = {};
  for (const [name, declaration] of Object.entries(declared)) {
    const where = `Parameter ${name}`;
    const given = ownValue(supplied, name) ?? declaration.Default;
    if (given === undefined) {
      diagnostics.error(where, 'has no Default: supply a value (--parameter Name=Value)');
      continue;
    }
    const text = String(given);
    const allowed = declaration.AllowedValues;
    if (Array.isArray(allowed) && !allowed.map(String).includes(text)) {
      diagnostics.error(where, `value "${text}" is not one of AllowedValues ${allowed.join(', ')}`);
    }
    const pattern = declaration.AllowedPattern;
    if (typeof pattern === 'string' && !new RegExp(`^(?:${pattern})$`).test(text)) {
      diagnostics.error(where, `value "${text}" does not match AllowedPattern ${pattern}`);
    }
    const { MinLength: min, MaxLength: max } = declaration;
    if (
      (min !== undefined && text.length < Number(min)) ||
      (max !== undefined && text.length > Number(max))
    ) {
      diagnostics.error(where, `value "${text}" is outside MinLength/MaxLength`);
    }
    const type = String(declaration.Type ?? 'String');
    values[name] =
      type.startsWith('List<') || type === 'CommaDelimitedList' ? text.split(',') : text;
  }
  return values;
}
