/**
 * A JSON Schema (2020-12, as OpenAPI 3.1 uses it) checker for exactly the keywords the API
 * contract uses. The workspace's JSON Schema library (ajv) is not a dependency of this app, so
 * this small one stands in for it; any keyword it does not know is an error, never a silent pass.
 */

/** Keywords that describe and do not constrain (`format` is an annotation in 2020-12). */
const annotations = new Set(['description', 'examples', 'default', 'format', 'title']);
const constraints = new Set([
  '$ref',
  'type',
  'enum',
  'const',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'minimum',
  'maximum',
  'multipleOf',
  'minLength',
  'maxLength',
  'pattern',
]);

type Schema = Readonly<Record<string, unknown>>;

/** Resolves a local `$ref` (`#/components/...`) inside the document. */
export function resolvePointer(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) throw new Error(`only local references are supported: ${ref}`);
  let node: unknown = document;
  for (const raw of ref.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const entries =
      node !== null && typeof node === 'object' ? new Map(Object.entries(node)) : null;
    if (!entries?.has(key)) throw new Error(`unresolved reference ${ref}`);
    node = entries.get(key);
  }
  return node;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function hasType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  return actual === type || (type === 'number' && actual === 'integer');
}

/** ajv's `multipleOfPrecision: 9` test, as the domain's schemas use it: 19.99 is whole cents. */
function isMultipleOf(value: number, step: number): boolean {
  const quotient = value / step;
  return Math.abs(Math.round(quotient) - quotient) <= 1e-9;
}

/**
 * What is wrong with `value` against `schema` (references resolved in `document`), as
 * `<JSON pointer>: <problem>` lines; empty when it is valid.
 *
 * @example
 * schemaErrors(contract, { $ref: '#/components/schemas/Pet' }, { id: 'x' })
 * // ['/id: does not match ^[0-9a-f]{8}-...', '/: missing required property type', ...]
 */
export function schemaErrors(
  document: unknown,
  schema: unknown,
  value: unknown,
  at = '',
): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${at || '/'}: no value is allowed here`];
  if (schema === null || typeof schema !== 'object') throw new Error(`not a schema at ${at}`);
  const keywords = schema as Schema;
  const where = at || '/';
  const errors: string[] = [];
  for (const keyword of Object.keys(keywords)) {
    if (!annotations.has(keyword) && !constraints.has(keyword)) {
      throw new Error(`the contract check does not know the keyword "${keyword}" (at ${where})`);
    }
  }
  const get = (keyword: string): unknown =>
    Object.hasOwn(keywords, keyword) ? keywords[keyword] : undefined;

  const ref = get('$ref');
  if (typeof ref === 'string') {
    errors.push(...schemaErrors(document, resolvePointer(document, ref), value, at));
  }
  const type = get('type');
  if (type !== undefined) {
    const types = Array.isArray(type) ? (type as string[]) : [type as string];
    if (!types.some((candidate) => hasType(value, candidate))) {
      return [...errors, `${where}: is ${typeOf(value)}, not ${types.join(' or ')}`];
    }
  }
  const allowed = get('enum');
  if (Array.isArray(allowed) && !allowed.includes(value)) {
    errors.push(`${where}: ${JSON.stringify(value)} is not one of ${allowed.join(', ')}`);
  }
  if (Object.hasOwn(keywords, 'const') && get('const') !== value) {
    errors.push(`${where}: is not ${JSON.stringify(get('const'))}`);
  }
  if (typeof value === 'number') {
    const minimum = get('minimum');
    const maximum = get('maximum');
    const step = get('multipleOf');
    if (typeof minimum === 'number' && value < minimum) errors.push(`${where}: below ${minimum}`);
    if (typeof maximum === 'number' && value > maximum) errors.push(`${where}: above ${maximum}`);
    if (typeof step === 'number' && !isMultipleOf(value, step)) {
      errors.push(`${where}: not a multiple of ${step}`);
    }
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    const minLength = get('minLength');
    const maxLength = get('maxLength');
    const pattern = get('pattern');
    if (typeof minLength === 'number' && length < minLength) {
      errors.push(`${where}: shorter than ${minLength}`);
    }
    if (typeof maxLength === 'number' && length > maxLength) {
      errors.push(`${where}: longer than ${maxLength}`);
    }
    if (typeof pattern === 'string' && !new RegExp(pattern, 'u').test(value)) {
      errors.push(`${where}: does not match ${pattern}`);
    }
  }
  if (Array.isArray(value) && get('items') !== undefined) {
    value.forEach((item, index) => {
      errors.push(...schemaErrors(document, get('items'), item, `${at}/${index}`));
    });
  }
  if (typeOf(value) === 'object') {
    const fields = new Map(Object.entries(value as object));
    const properties = new Map(Object.entries((get('properties') ?? {}) as object));
    for (const name of (get('required') ?? []) as string[]) {
      if (!fields.has(name)) errors.push(`${where}: missing required property ${name}`);
    }
    const additional = get('additionalProperties');
    for (const [name, field] of fields) {
      const property = properties.get(name);
      const path = `${at}/${name.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (property !== undefined) errors.push(...schemaErrors(document, property, field, path));
      else if (additional !== undefined) {
        errors.push(
          ...(additional === false
            ? [`${path}: is not a property of this object`]
            : schemaErrors(document, additional, field, path)),
        );
      }
    }
  }
  return errors;
}
