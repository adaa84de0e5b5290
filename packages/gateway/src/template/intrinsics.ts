import { UnresolvableIntrinsicError } from '../errors';
import { isRecord, type RawTemplate } from './load-template';

/** What `!Ref AWS::NoValue` resolves to: the property is removed. */
export const noValue = Symbol('AWS::NoValue');

/** Where intrinsic functions find their values. */
export interface IntrinsicScope {
  /** A parameter or pseudo parameter (`AWS::Region`); `undefined` when there is none. */
  readonly parameter: (name: string) => string | readonly string[] | undefined;
  readonly resourceRef: (logicalId: string) => string | undefined;
  readonly resourceAttribute: (logicalId: string, attribute: string) => string | undefined;
  readonly condition: (name: string) => boolean;
  readonly mappings: RawTemplate['Mappings'];
}

type Resolver = (argument: unknown, scope: IntrinsicScope) => unknown;

/**
 * Resolves CloudFormation intrinsic functions in `value` (deeply) to local values.
 * Throws {@link UnresolvableIntrinsicError} for those with no local meaning (`Fn::ImportValue`, ...).
 *
 * @example
 * resolveIntrinsics({ 'Fn::Sub': '${AWS::Region}-pets' }, scope) // 'us-east-1-pets'
 */
export function resolveIntrinsics(value: unknown, scope: IntrinsicScope): unknown {
  if (Array.isArray(value)) {
    return value.map((item) => resolveIntrinsics(item, scope)).filter((item) => item !== noValue);
  }
  if (!isRecord(value)) return value;
  const keys = Object.keys(value);
  const only = keys.length === 1 ? keys[0] : undefined;
  const resolver = only === undefined ? undefined : resolvers[only];
  if (only !== undefined && resolver) return resolver(value[only], scope);
  const resolved: Record<string, unknown> = {};
  for (const key of keys) {
    const item = resolveIntrinsics(value[key], scope);
    if (item !== noValue) resolved[key] = item;
  }
  return resolved;
}

const unresolvable =
  (name: string): Resolver =>
  () => {
    throw new UnresolvableIntrinsicError(`${name} has no local value`);
  };

const resolvers: Record<string, Resolver> = {
  Ref: (name, scope) => ref(asString(resolveIntrinsics(name, scope), 'Ref'), scope),
  'Fn::GetAtt': (argument, scope) => {
    const resolved = resolveIntrinsics(argument, scope);
    const [logicalId, attribute] =
      typeof resolved === 'string' ? splitOnce(resolved, '.') : asStrings(resolved, 'Fn::GetAtt');
    return getAtt(logicalId ?? '', attribute ?? '', scope);
  },
  'Fn::Sub': (argument, scope) => sub(argument, scope),
  'Fn::Join': (argument, scope) => {
    const [delimiter, list] = asList(argument, 'Fn::Join', 2);
    const items = asStrings(resolveIntrinsics(list, scope), 'Fn::Join');
    return items.join(asString(resolveIntrinsics(delimiter, scope), 'Fn::Join'));
  },
  'Fn::Select': (argument, scope) => {
    const [index, list] = asList(argument, 'Fn::Select', 2);
    const items = asStrings(resolveIntrinsics(list, scope), 'Fn::Select');
    const item = items[Number(resolveIntrinsics(index, scope))];
    if (item === undefined) throw new UnresolvableIntrinsicError('Fn::Select index out of range');
    return item;
  },
  'Fn::Split': (argument, scope) => {
    const [delimiter, source] = asList(argument, 'Fn::Split', 2);
    const text = asString(resolveIntrinsics(source, scope), 'Fn::Split');
    return text.split(asString(resolveIntrinsics(delimiter, scope), 'Fn::Split'));
  },
  'Fn::If': (argument, scope) => {
    const [name, whenTrue, whenFalse] = asList(argument, 'Fn::If', 3);
    return resolveIntrinsics(
      scope.condition(asString(name, 'Fn::If')) ? whenTrue : whenFalse,
      scope,
    );
  },
  'Fn::Equals': (argument, scope) => {
    const [left, right] = asList(argument, 'Fn::Equals', 2);
    return String(resolveIntrinsics(left, scope)) === String(resolveIntrinsics(right, scope));
  },
  'Fn::And': (argument, scope) => asList(argument, 'Fn::And').every((item) => truth(item, scope)),
  'Fn::Or': (argument, scope) => asList(argument, 'Fn::Or').some((item) => truth(item, scope)),
  'Fn::Not': (argument, scope) => !truth(asList(argument, 'Fn::Not', 1)[0], scope),
  Condition: (name, scope) => scope.condition(asString(name, 'Condition')),
  'Fn::FindInMap': (argument, scope) => {
    const [map, top, second] = asStrings(resolveIntrinsics(argument, scope), 'Fn::FindInMap');
    const found = scope.mappings?.[map ?? '']?.[top ?? '']?.[second ?? ''];
    if (found === undefined)
      throw new UnresolvableIntrinsicError(`Fn::FindInMap ${map}.${top}.${second} not found`);
    return found;
  },
  'Fn::Base64': (argument, scope) =>
    Buffer.from(asString(resolveIntrinsics(argument, scope), 'Fn::Base64')).toString('base64'),
  'Fn::ImportValue': unresolvable('Fn::ImportValue (another stack)'),
  'Fn::GetAZs': unresolvable('Fn::GetAZs'),
  'Fn::Cidr': unresolvable('Fn::Cidr'),
  'Fn::Transform': unresolvable('Fn::Transform (a macro)'),
  'Fn::Length': unresolvable('Fn::Length'),
  'Fn::ToJsonString': unresolvable('Fn::ToJsonString'),
};

function ref(name: string, scope: IntrinsicScope): unknown {
  if (name === 'AWS::NoValue') return noValue;
  const value = scope.parameter(name) ?? scope.resourceRef(name);
  if (value === undefined)
    throw new UnresolvableIntrinsicError(`Ref to ${name}, which the template does not define`);
  return value;
}

function getAtt(logicalId: string, attribute: string, scope: IntrinsicScope): string {
  const value = scope.resourceAttribute(logicalId, attribute);
  if (value === undefined) {
    throw new UnresolvableIntrinsicError(`Fn::GetAtt ${logicalId}.${attribute} has no local value`);
  }
  return value;
}

function sub(argument: unknown, scope: IntrinsicScope): string {
  const [source, variables] = Array.isArray(argument) ? argument : [argument, {}];
  const text = asString(source, 'Fn::Sub');
  const named = isRecord(variables) ? variables : {};
  return text.replace(/\$\{([^}]*)\}/g, (_match, inner: string) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
    const name = inner.trim();
    if (name in named) return String(resolveIntrinsics(named[name], scope));
    if (scope.parameter(name) !== undefined) return String(ref(name, scope));
    if (name.includes('.')) {
      const [logicalId = '', attribute = ''] = splitOnce(name, '.');
      return getAtt(logicalId, attribute, scope);
    }
    return String(ref(name, scope));
  });
}

function truth(item: unknown, scope: IntrinsicScope): boolean {
  const value = resolveIntrinsics(item, scope);
  return value === true || value === 'true';
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
}

function asList(value: unknown, name: string, length?: number): unknown[] {
  if (!Array.isArray(value) || (length !== undefined && value.length < length)) {
    throw new UnresolvableIntrinsicError(`${name} expects a list${length ? ` of ${length}` : ''}`);
  }
  return value;
}

function asString(value: unknown, name: string): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  throw new UnresolvableIntrinsicError(`${name} expects a string`);
}

function asStrings(value: unknown, name: string): string[] {
  if (typeof value === 'string') return value === '' ? [] : value.split(',');
  return asList(value, name).map((item) => asString(item, name));
}
