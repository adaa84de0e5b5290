import { describe, expect, it } from 'vitest';
import { namedValues, portValue } from '../src/option-values';

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
