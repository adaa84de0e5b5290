// biome-ignore-all lint/suspicious/noTemplateCurlyInString: the strings are CloudFormation !Sub syntax
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UnresolvableIntrinsicError } from '../../src/errors';
import { cloudFormationTags } from '../../src/template/cfn-tags';
import { type IntrinsicScope, resolveIntrinsics } from '../../src/template/intrinsics';

const scope: IntrinsicScope = {
  parameter: (name) => ({ Stage: 'dev', 'AWS::Region': 'eu-west-1', Zones: ['a', 'b'] })[name],
  resourceRef: (id) => (id === 'Table' ? 'pets' : undefined),
  resourceAttribute: (id, attribute) =>
    id === 'Table' && attribute === 'Arn' ? 'arn:table/pets' : undefined,
  condition: (name) => name === 'IsDev',
  mappings: { Sizes: { dev: { Memory: 128 } } },
};

const resolveYaml = (text: string) =>
  resolveIntrinsics(parse(text, { customTags: cloudFormationTags }), scope);

describe('CloudFormation short forms and intrinsic functions', () => {
  it('parses every short form into its long form', () => {
    // Act
    const parsed = parse(
      [
        'a: !Ref X',
        'b: !GetAtt T.Arn',
        'c: !Sub "${X}"',
        'd: !Join [",", [a]]',
        'e: !If [C, 1, 2]',
        'f: !Equals [a, b]',
        'g: !Select [0, [a]]',
        'h: !Split [",", "a,b"]',
        'i: !FindInMap [M, K, V]',
        'j: !ImportValue E',
        'k: !GetAZs ""',
        'l: !Base64 x',
        'm: !Not [!Condition C]',
        'n: !And [true, true]',
        'o: !Or [false, true]',
        'p: !Cidr [a, 1, 2]',
      ].join('\n'),
      { customTags: cloudFormationTags },
    );

    // Assess
    expect(parsed).toMatchObject({
      a: { Ref: 'X' },
      b: { 'Fn::GetAtt': ['T', 'Arn'] },
      c: { 'Fn::Sub': '${X}' },
      d: { 'Fn::Join': [',', ['a']] },
      e: { 'Fn::If': ['C', 1, 2] },
      i: { 'Fn::FindInMap': ['M', 'K', 'V'] },
      m: { 'Fn::Not': [{ Condition: 'C' }] },
      p: { 'Fn::Cidr': ['a', 1, 2] },
    });
  });

  it('resolves !Sub with parameters, pseudo parameters, attributes, a variable map and ${!Literal}', () => {
    // Act
    const plain = resolveYaml('!Sub "${Stage}-${AWS::Region}-${Table}-${Table.Arn}-${!Kept}"');
    const mapped = resolveYaml('!Sub ["${Name}/x", { Name: !Ref Stage }]');

    // Assess
    expect(plain).toBe('dev-eu-west-1-pets-arn:table/pets-${Kept}');
    expect(mapped).toBe('dev/x');
  });

  it('resolves !Join, !Select, !Split, !If, conditions, !FindInMap and !Base64', () => {
    // Act
    const resolved = resolveYaml(`
join: !Join ["-", [!Ref Stage, !Select [1, !Split [",", "x,y"]]]]
list: !Join [",", !Ref Zones]
if: !If [IsDev, small, large]
and: !And [!Equals [!Ref Stage, dev], !Not [!Condition IsProd]]
memory: !FindInMap [Sizes, !Ref Stage, Memory]
b64: !Base64 hi`);

    // Assess
    expect(resolved).toEqual({
      join: 'dev-y',
      list: 'a,b',
      if: 'small',
      and: true,
      memory: 128,
      b64: 'aGk=',
    });
  });

  it('drops a property that resolves to AWS::NoValue', () => {
    // Act
    const resolved = resolveYaml(
      '{ kept: 1, gone: !If [IsProd, 2, !Ref AWS::NoValue], list: [1, !Ref AWS::NoValue] }',
    );

    // Assess
    expect(resolved).toEqual({ kept: 1, list: [1] });
  });

  it('refuses what has no local value (another stack, an unknown resource)', () => {
    // Act / Assess
    expect(() => resolveYaml('!ImportValue shared')).toThrow(UnresolvableIntrinsicError);
    expect(() => resolveYaml('!Ref Nothing')).toThrow(/Ref to Nothing/);
    expect(() => resolveYaml('!GetAtt Table.StreamArn')).toThrow(/Table.StreamArn/);
  });
});
