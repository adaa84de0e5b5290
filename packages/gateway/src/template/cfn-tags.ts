import type { CollectionTag, ScalarTag, YAMLMap, YAMLSeq } from 'yaml';

/** CloudFormation short forms and the long form each one stands for. */
const shortForms = {
  Ref: 'Ref',
  Condition: 'Condition',
  Base64: 'Fn::Base64',
  Cidr: 'Fn::Cidr',
  FindInMap: 'Fn::FindInMap',
  GetAtt: 'Fn::GetAtt',
  GetAZs: 'Fn::GetAZs',
  ImportValue: 'Fn::ImportValue',
  Join: 'Fn::Join',
  Select: 'Fn::Select',
  Split: 'Fn::Split',
  Sub: 'Fn::Sub',
  Transform: 'Fn::Transform',
  Length: 'Fn::Length',
  ToJsonString: 'Fn::ToJsonString',
  And: 'Fn::And',
  Equals: 'Fn::Equals',
  If: 'Fn::If',
  Not: 'Fn::Not',
  Or: 'Fn::Or',
} as const;

/**
 * `yaml` custom tags turning every CloudFormation short form (`!Ref X`, `!GetAtt A.B`,
 * `!Sub [...]`, ...) into its long form (`{ Ref: 'X' }`, `{ 'Fn::GetAtt': ['A', 'B'] }`, ...).
 *
 * @example
 * parse('Name: !Ref Stage', { customTags: cloudFormationTags }) // { Name: { Ref: 'Stage' } }
 */
export const cloudFormationTags: (ScalarTag | CollectionTag)[] = Object.entries(shortForms).flatMap(
  ([short, long]) => {
    const tag = `!${short}`;
    const scalar: ScalarTag = {
      tag,
      identify: () => false,
      resolve: (value: string) =>
        long === 'Fn::GetAtt' ? { [long]: splitGetAtt(value) } : { [long]: value },
    };
    const sequence: CollectionTag = {
      tag,
      collection: 'seq',
      identify: () => false,
      resolve: (node) => ({ [long]: (node as YAMLSeq).toJSON() }),
    };
    const mapping: CollectionTag = {
      tag,
      collection: 'map',
      identify: () => false,
      resolve: (node) => ({ [long]: (node as YAMLMap).toJSON() }),
    };
    return [scalar, sequence, mapping];
  },
);

function splitGetAtt(value: string): string[] {
  const dot = value.indexOf('.');
  return dot < 0 ? [value] : [value.slice(0, dot), value.slice(dot + 1)];
}
