import type { RawTemplate } from '@petstore/gateway/load-template';

/** Whether a value is an intrinsic function or a `Ref` (its type is only known once deployed). */
export function isIntrinsic(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 &&
    (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0]?.startsWith('Fn::') === true)
  );
}

const isMap = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The names a value refers to through `Ref`, `Fn::GetAtt` and `${...}` in `Fn::Sub` (variables
 * given in the `Fn::Sub` list excepted), deeply. Pseudo parameters (`AWS::...`) are left out.
 * Parameters are included: callers keep those that are resources.
 *
 * @example
 * referencesOf({ 'Fn::Sub': '${PetsApi}/${Stage}/${SpaDistribution.DomainName}' })
 * // Set { 'PetsApi', 'Stage', 'SpaDistribution' }
 */
export function referencesOf(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencesOf(item, found);
    return found;
  }
  if (!isMap(value)) return found;
  for (const [key, argument] of Object.entries(value)) {
    if (key === 'Ref' && typeof argument === 'string') found.add(argument);
    else if (key === 'Fn::GetAtt') {
      const target = typeof argument === 'string' ? argument.split('.')[0] : [argument].flat()[0];
      if (typeof target === 'string') found.add(target);
    } else if (key === 'Fn::Sub') {
      const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
      const named = isMap(variables) ? variables : {};
      for (const [, inner = ''] of String(text).matchAll(/\$\{([^!}][^}]*)\}/g)) {
        const name = inner.trim().split('.')[0] ?? '';
        if (!(name in named)) found.add(name);
      }
      referencesOf(named, found);
    } else referencesOf(argument, found);
  }
  for (const name of found) if (name.startsWith('AWS::')) found.delete(name);
  return found;
}

/** Where {@link resolveSymbolically} finds values. */
export interface SymbolicScope {
  readonly template: RawTemplate;
  /** Parameter values; the template's `Default` for those not given. */
  readonly parameters: Readonly<Record<string, string>>;
  /** Pseudo parameters, e.g. `{ 'AWS::Region': 'eu-west-1' }`. */
  readonly pseudo: Readonly<Record<string, string>>;
}

/**
 * Resolves the intrinsic functions a policy or trust document uses (`Ref`, `Fn::Sub`, `Fn::If`,
 * `Fn::Select`, `Fn::Split`, `Fn::GetAtt`, `Fn::Equals`, `Fn::Not`, `Condition`) to strings.
 * A resource stands for itself: `!Ref X` is `X`, `!GetAtt X.Arn` is `X.Arn`, so a resolved ARN
 * shows which resource it names. Anything else throws: a test must not pass on what it could
 * not read.
 *
 * @example
 * resolveSymbolically({ 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${PetsIamApi}/${Stage}/GET/pets' }, scope)
 * // 'arn:aws:execute-api:eu-west-1:123456789012:PetsIamApi/prod/GET/pets'
 */
export function resolveSymbolically(value: unknown, scope: SymbolicScope): unknown {
  if (Array.isArray(value)) return value.map((item) => resolveSymbolically(item, scope));
  if (!isMap(value)) return value;
  if (!isIntrinsic(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, resolveSymbolically(item, scope)]),
    );
  }
  const [name, argument] = Object.entries(value)[0] ?? [];
  const resolve = (item: unknown) => resolveSymbolically(item, scope);
  const list = (item: unknown) => (Array.isArray(item) ? item : [item]);
  switch (name) {
    case 'Ref':
      return reference(String(argument), scope);
    case 'Fn::GetAtt':
      return typeof argument === 'string' ? argument : list(argument).join('.');
    case 'Fn::Sub': {
      const [text, variables] = Array.isArray(argument) ? argument : [argument, {}];
      const named = isMap(variables) ? variables : {};
      return String(text).replace(/\$\{([^}]*)\}/g, (_match, inner: string) => {
        if (inner.startsWith('!')) return `\${${inner.slice(1)}}`;
        const key = inner.trim();
        if (key in named) return String(resolve(named[key]));
        return key.includes('.') && !key.startsWith('AWS::') ? key : reference(key, scope);
      });
    }
    case 'Fn::If': {
      const [condition, whenTrue, whenFalse] = list(argument);
      return resolve(conditionHolds(String(condition), scope) ? whenTrue : whenFalse);
    }
    case 'Fn::Select': {
      const [index, items] = list(argument);
      const item = list(resolve(items))[Number(resolve(index))];
      if (item === undefined) throw new Error('Fn::Select: index out of range');
      return item;
    }
    case 'Fn::Split': {
      const [delimiter, text] = list(argument);
      return String(resolve(text)).split(String(resolve(delimiter)));
    }
    case 'Fn::Equals': {
      const [left, right] = list(argument);
      return String(resolve(left)) === String(resolve(right));
    }
    case 'Fn::Not':
      return resolve(list(argument)[0]) !== true;
    case 'Condition':
      return conditionHolds(String(argument), scope);
    default:
      throw new Error(`${name} is not resolved by the test helper`);
  }
}

function reference(name: string, scope: SymbolicScope): string {
  const pseudo = scope.pseudo[name];
  if (pseudo !== undefined) return pseudo;
  if (name in (scope.template.Parameters ?? {})) {
    const value = scope.parameters[name] ?? scope.template.Parameters?.[name]?.Default;
    if (value === undefined) throw new Error(`parameter ${name} has no value`);
    return String(value);
  }
  if (name in scope.template.Resources) return name;
  throw new Error(`Ref to ${name}, which the template does not define`);
}

function conditionHolds(name: string, scope: SymbolicScope): boolean {
  const definition = scope.template.Conditions?.[name];
  if (definition === undefined) throw new Error(`condition ${name} is not defined`);
  return resolveSymbolically(definition, scope) === true;
}
