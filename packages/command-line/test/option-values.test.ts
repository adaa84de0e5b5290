import { describe, expect, it } from 'vitest';
import { namedValues, parameterOverrides, portValue } from '../src/option-values';

describe('portValue', () => {
  it.each([
    ['0', 0],
    ['3000', 3000],
    ['65535', 65_535],
  ])('reads %s as a port', (text, port) => {
    expect(portValue(text)).toBe(port);
  });

  it.each(['', '-1', '65536', '3000.5', '30x', '1e3', ' 80', '0x50'])('refuses %j', (text) => {
    expect(portValue(text)).toBeUndefined();
  });
});

describe('namedValues', () => {
  it('splits at the first = (values may hold = too), in order', () => {
    expect(namedValues(['Stage=dev', 'Url=https://x/?a=b', 'Empty='])).toEqual({
      pairs: [
        ['Stage', 'dev'],
        ['Url', 'https://x/?a=b'],
        ['Empty', ''],
      ],
      invalid: undefined,
    });
  });

  it.each(['NoEquals', '=value'])('names %j as the first invalid one', (item) => {
    expect(namedValues(['Stage=dev', item, 'Other=1']).invalid).toBe(item);
  });
});

// SAM CLI's syntax (aws/aws-sam-cli samcli/cli/types.py CfnParameterOverridesType: "KeyPairName=MyKey
// InstanceType=t1.micro" or "ParameterKey=KeyPairName,ParameterValue=MyKey ...", quoted or
// backslash-escaped values, names of letters and digits).
describe('parameterOverrides', () => {
  it('reads space-separated Key=Value pairs, in order, from every occurrence of the option', () => {
    expect(parameterOverrides(['Stage=dev  Url=https://x/?a=b', 'Empty= Stage=prod'])).toEqual({
      pairs: [
        ['Stage', 'dev'],
        ['Url', 'https://x/?a=b'],
        ['Empty', ''],
        ['Stage', 'prod'],
      ],
      invalid: undefined,
    });
  });

  it("reads CloudFormation's ParameterKey=...,ParameterValue=... form", () => {
    expect(
      parameterOverrides([
        'ParameterKey=Stage,ParameterValue=dev ParameterKey=List,ParameterValue=a,b',
      ]).pairs,
    ).toEqual([
      ['Stage', 'dev'],
      ['List', 'a,b'],
    ]);
  });

  it('keeps spaces of quoted and escaped values, and other backslashes as they are', () => {
    expect(
      parameterOverrides([
        `Title="Pet Store" Other='it is' Escaped=a\\ b Quote=say\\"hi\\" Path=C:\\data`,
      ]).pairs,
    ).toEqual([
      ['Title', 'Pet Store'],
      ['Other', 'it is'],
      ['Escaped', 'a b'],
      ['Quote', 'say"hi"'],
      ['Path', 'C:\\data'],
    ]);
  });

  it('reads nothing from an empty text', () => {
    expect(parameterOverrides(['', '  '])).toEqual({ pairs: [], invalid: undefined });
  });

  it.each([
    ['NoEquals', 'NoEquals'],
    ['=value', '=value'],
    ['Bad-Name=1', 'Bad-Name=1'],
    ['ParameterKey=,ParameterValue=x', 'ParameterKey=,ParameterValue=x'],
  ])('names %j as the first invalid word, after the good ones', (word, invalid) => {
    expect(parameterOverrides([`Stage=dev ${word} Other=1`])).toEqual({
      pairs: [['Stage', 'dev']],
      invalid,
    });
  });

  it('names a quote left open, with the rest of the text it swallowed', () => {
    expect(parameterOverrides(['Stage=dev Title="Pet Store Other=1']).invalid).toBe(
      'Title="Pet Store Other=1',
    );
  });
});
