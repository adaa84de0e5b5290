import { loadAwsServiceSpec } from '@aws-cdk/aws-service-spec';
import type { PropertyType, SpecDatabase } from '@aws-cdk/service-spec-types';
import { isIntrinsic } from './cfn-intrinsics';

type Properties = Record<string, { required?: boolean; type: PropertyType }>;

/**
 * Checks a plain CloudFormation resource's properties against AWS's published resource
 * specification (as packaged in `@aws-cdk/aws-service-spec`): unknown properties, missing
 * required ones, and values of the wrong shape. Intrinsic functions pass as any type.
 * Resolves with one message per problem (empty: valid).
 */
export async function checkCloudFormationResource(
  type: string,
  properties: unknown,
): Promise<string[]> {
  const db = await database();
  const found = db.lookup('resource', 'cloudFormationType', 'equals', type);
  if (found.length !== 1 || !found[0]) return [`${type} is not a CloudFormation resource type`];
  return checkObject(db, found[0].properties as Properties, properties ?? {}, type);
}

let loaded: Promise<SpecDatabase> | undefined;
function database(): Promise<SpecDatabase> {
  loaded ??= loadAwsServiceSpec();
  return loaded;
}

function checkObject(db: SpecDatabase, spec: Properties, value: unknown, at: string): string[] {
  if (isIntrinsic(value)) return [];
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return [`${at}: expected an object`];
  const problems: string[] = [];
  for (const [name, property] of Object.entries(spec)) {
    if (property.required && !(name in value)) problems.push(`${at}.${name}: required`);
  }
  for (const [name, child] of Object.entries(value)) {
    const property = spec[name];
    if (!property) problems.push(`${at}.${name}: not a property of this type`);
    else problems.push(...checkValue(db, property.type, child, `${at}.${name}`));
  }
  return problems;
}

function checkValue(db: SpecDatabase, type: PropertyType, value: unknown, at: string): string[] {
  if (isIntrinsic(value)) return [];
  switch (type.type) {
    case 'string':
      return typeof value === 'string'
        ? allowed(type.allowedValues, value, at)
        : [`${at}: expected a string`];
    case 'date-time':
      return typeof value === 'string' ? [] : [`${at}: expected a date and time`];
    case 'number':
    case 'integer':
      return typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(String(value))
        ? []
        : [`${at}: expected a number`];
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? []
        : [`${at}: expected a boolean`];
    case 'json':
    case 'null':
      return [];
    case 'tag':
      return checkTag(value, at);
    case 'array':
      return Array.isArray(value)
        ? value.flatMap((item, index) => checkValue(db, type.element, item, `${at}[${index}]`))
        : [`${at}: expected a list`];
    case 'map':
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? Object.entries(value).flatMap(([key, item]) =>
            checkValue(db, type.element, item, `${at}.${key}`),
          )
        : [`${at}: expected a map`];
    case 'union':
      return checkUnion(db, type.types, value, at);
    case 'ref': {
      const definition = db.get('typeDefinition', type.reference.$ref);
      return checkObject(db, definition.properties as Properties, value, at);
    }
  }
}

/**
 * A union passes if one option does. Otherwise the problems reported are those of the option
 * shaped like the value (a list for a list...), so that a `json` fallback does not hide them.
 */
function checkUnion(
  db: SpecDatabase,
  options: PropertyType[],
  value: unknown,
  at: string,
): string[] {
  const structured = options.filter((option) => option.type !== 'json');
  const attempts = structured.map((option) => ({
    option,
    problems: checkValue(db, option, value, at),
  }));
  if (attempts.some(({ problems }) => problems.length === 0)) return [];
  const shaped = attempts.find(({ option }) => kindOf(option) === kindOfValue(value));
  if (shaped) return shaped.problems;
  return options.some((option) => option.type === 'json') ? [] : (attempts[0]?.problems ?? []);
}

function kindOf(type: PropertyType): string {
  if (type.type === 'array') return 'list';
  if (type.type === 'ref' || type.type === 'map' || type.type === 'tag') return 'object';
  return 'scalar';
}

function kindOfValue(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  return typeof value === 'object' && value !== null ? 'object' : 'scalar';
}

function allowed(values: string[] | undefined, value: string, at: string): string[] {
  return values && !values.includes(value)
    ? [`${at}: ${value} is not one of ${values.join(', ')}`]
    : [];
}

function checkTag(value: unknown, at: string): string[] {
  const tag = value as { Key?: unknown; Value?: unknown };
  return typeof tag?.Key === 'string' ? [] : [`${at}: expected a tag { Key, Value }`];
}
