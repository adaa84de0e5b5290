import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { TemplateError } from '../errors';
import { cloudFormationTags } from './cfn-tags';

export interface RawResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
  readonly Condition?: string;
  readonly [key: string]: unknown;
}

/** A SAM template as parsed, intrinsic functions still in their long form. */
export interface RawTemplate {
  readonly Transform?: unknown;
  readonly Parameters?: Record<string, Record<string, unknown>>;
  readonly Mappings?: Record<string, Record<string, Record<string, unknown>>>;
  readonly Conditions?: Record<string, unknown>;
  readonly Globals?: Record<string, Record<string, unknown>>;
  readonly Resources: Record<string, RawResource>;
}

/**
 * Reads a SAM template (YAML or JSON) with CloudFormation short forms turned into long forms.
 *
 * @example
 * const template = await loadTemplate('infra/template.yaml');
 * template.Resources.PetsApi?.Type // 'AWS::Serverless::Api'
 */
export async function loadTemplate(path: string): Promise<RawTemplate> {
  const text = await readFile(path, 'utf8');
  let document: unknown;
  try {
    document = parse(text, { customTags: cloudFormationTags, maxAliasCount: -1 });
  } catch (error) {
    throw new TemplateError(path, [`not valid YAML: ${(error as Error).message}`]);
  }
  if (!isRecord(document) || !isRecord(document.Resources)) {
    throw new TemplateError(path, ['the template has no Resources section']);
  }
  return document as unknown as RawTemplate;
}

/**
 * Whether a parsed YAML value is a map.
 *
 * @example
 * isRecord({ Ref: 'X' }) // true; isRecord(['X']) // false
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
