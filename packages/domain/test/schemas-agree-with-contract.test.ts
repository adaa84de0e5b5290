import { describe, expect, it } from 'vitest';
import { listPetsQuerySchema, newPetSchema, petIdSchema, priceSchema } from '../src/schemas';
import { contractQuery, contractSchema } from './support/contract-schemas';

// Each sample goes through the contract's JSON Schema (ajv, 2020-12) and the domain's zod schema;
// the test asserts both agree, and that the sample is accepted or rejected as the table says
// (so a sample that both get wrong fails too).

const accepted = true;
const rejected = false;

/** Prices, as JSON texts (what a client sends). */
const prices: [string, boolean][] = [
  ['0.01', accepted],
  ['0.07', accepted],
  ['0.1', accepted],
  ['0.29', accepted],
  ['1.15', accepted],
  ['19.99', accepted],
  ['249.99', accepted],
  ['55924.09', accepted],
  ['99999.99', accepted],
  ['100000', accepted],
  ['100000.00', accepted],
  ['1e3', accepted],
  ['7', accepted],
  ['0.30000000000000004', accepted], // 0.1 + 0.2 in a client: float noise, stored as 0.3
  ['19.990000000001', accepted], // within 1e-9 cent: noise, not a third decimal
  ['0', rejected],
  ['-0', rejected],
  ['-1', rejected],
  ['-0.01', rejected],
  ['0.001', rejected],
  ['0.005', rejected],
  ['1.234', rejected],
  ['1.005', rejected],
  ['19.999', rejected],
  ['1.0000001', rejected],
  ['100000.01', rejected],
  ['100001', rejected],
  ['1e308', rejected],
  ['5e-324', rejected], // "a multiple of 0.01" to any tolerance, hence `minimum: 0.01`
  ['1e-12', rejected],
  ['0.009999999999', rejected],
  ['19.99000001', rejected],
  ['"19.99"', rejected],
  ['"NaN"', rejected],
  ['"Infinity"', rejected],
  ['"-Infinity"', rejected],
  ['"1e3"', rejected],
  ['""', rejected],
  ['null', rejected],
  ['true', rejected],
  ['[19.99]', rejected],
  ['{"amount":19.99}', rejected],
];

/** Bodies of `POST /pets`, as JSON texts. */
const newPets: [string, boolean][] = [
  ['{"type":"dog","price":249.99}', accepted],
  ['{"price":0.07,"type":"gecko"}', accepted],
  ['{"type":"cat","price":100000}', accepted],
  ['{"type":"fish","price":1}', accepted],
  ['{"type":"bird","price":19.99}', accepted],
  ['{"type":"dragon","price":10}', rejected],
  ['{"type":"Dog","price":10}', rejected],
  ['{"type":" dog","price":10}', rejected],
  ['{"type":"","price":10}', rejected],
  ['{"type":null,"price":10}', rejected],
  ['{"type":["dog"],"price":10}', rejected],
  ['{"type":"dog","price":-5}', rejected],
  ['{"type":"dog","price":0}', rejected],
  ['{"type":"dog","price":1e308}', rejected],
  ['{"type":"dog","price":1.234}', rejected],
  ['{"type":"dog","price":"10"}', rejected],
  ['{"type":"dog"}', rejected],
  ['{"price":10}', rejected],
  ['{}', rejected],
  ['{"type":"dog","price":10,"soldTo":{"subject":"me","name":"me"}}', rejected],
  ['{"type":"dog","price":10,"isSold":true}', rejected],
  ['{"type":"dog","price":10,"id":"0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a"}', rejected],
  ['{"type":"dog","price":10,"__proto__":{"isSold":true}}', rejected],
  ['{"type":"dog","price":10,"userName":"mallory"}', rejected],
  ['[{"type":"dog","price":10}]', rejected],
  ['"dog"', rejected],
  ['null', rejected],
  ['42', rejected],
];

const petIds: [unknown, boolean][] = [
  ['0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a', accepted],
  ['00000000-0000-0000-0000-000000000000', accepted],
  ['0B9E8A3C-4F7E-4D8E-9A57-2F6F8D0C1E2A', rejected],
  ['0b9e8a3c4f7e4d8e9a572f6f8d0c1e2a', rejected],
  ['{0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a}', rejected],
  ['0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a\n', rejected],
  [' 0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a', rejected],
  ['0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2ab', rejected],
  ['0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2g', rejected],
  ['../0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2', rejected],
  ['42', rejected],
  ['', rejected],
  [42, rejected],
  [null, rejected],
];

/** Queries of `GET /pets` as API Gateway hands them over: every value a string. */
const listQueries: [Record<string, string>, boolean][] = [
  [{}, accepted],
  [{ type: 'dog' }, accepted],
  [{ type: 'gecko', limit: '100' }, accepted],
  [{ limit: '1' }, accepted],
  [{ limit: '20' }, accepted],
  [{ limit: '007' }, accepted],
  [{ limit: '0100' }, accepted],
  [{ cursor: 'eyJ2IjoxfQ' }, accepted],
  [{ cursor: 'x'.repeat(1024) }, accepted],
  [{ cursor: '😀'.repeat(1024) }, accepted],
  [{ somethingElse: 'ignored' }, accepted],
  [{ type: 'dragon' }, rejected],
  [{ type: 'DOG' }, rejected],
  [{ type: '' }, rejected],
  [{ limit: '0' }, rejected],
  [{ limit: '101' }, rejected],
  [{ limit: '0101' }, rejected],
  [{ limit: '-1' }, rejected],
  [{ limit: '1.5' }, rejected],
  [{ limit: '10.0' }, rejected],
  [{ limit: '1e1' }, rejected],
  [{ limit: '+5' }, rejected],
  [{ limit: ' 5' }, rejected],
  [{ limit: '0x10' }, rejected],
  [{ limit: 'ten' }, rejected],
  [{ limit: '' }, rejected],
  [{ limit: '9'.repeat(400) }, rejected],
  [{ cursor: '' }, rejected],
  [{ cursor: 'x'.repeat(1025) }, rejected],
  [{ cursor: '😀'.repeat(1025) }, rejected],
];

/**
 * A query value as the contract reads it: `limit` is an integer parameter, so a string of
 * decimal digits stands for that integer; anything else stays a string, which the schema's
 * `type: integer` rejects.
 */
function asContractQuery(query: Record<string, string>): Record<string, unknown> {
  const { limit, ...rest } = query;
  if (limit === undefined) return rest;
  return { ...rest, limit: /^-?\d+$/.test(limit) ? Number(limit) : limit };
}

function verdicts(
  contract: (value: unknown) => boolean,
  domain: { safeParse(v: unknown): { success: boolean } },
  value: unknown,
  contractValue = value,
) {
  return { contract: contract(contractValue), domain: domain.safeParse(value).success };
}

describe('the zod schemas accept and reject what the contract does', () => {
  const price = contractSchema('Price');
  const newPet = contractSchema('NewPet');
  const petId = contractSchema('PetId');
  const listQuery = contractQuery('/pets', 'get');

  it.each(prices)('price %s: accepted is %s', (json, expected) => {
    // Prepare
    const value: unknown = JSON.parse(json);
    // Act
    const result = verdicts(price, priceSchema, value);
    // Assess
    expect(result).toEqual({ contract: expected, domain: expected });
  });

  it.each(newPets)('new pet %s: accepted is %s', (json, expected) => {
    const value: unknown = JSON.parse(json);
    const result = verdicts(newPet, newPetSchema, value);
    expect(result).toEqual({ contract: expected, domain: expected });
  });

  it.each(petIds)('pet id %j: accepted is %s', (value, expected) => {
    const result = verdicts(petId, petIdSchema, value);
    expect(result).toEqual({ contract: expected, domain: expected });
  });

  it.each(listQueries)('list query %j: accepted is %s', (query, expected) => {
    const result = verdicts(listQuery, listPetsQuerySchema, query, asContractQuery(query));
    expect(result).toEqual({ contract: expected, domain: expected });
  });

  it('accepts every whole-cent price in the sweep, including around the worst rounding error', () => {
    // Prepare: cents from 0.01 to 1,000, around 55,924.09 (quotient off by 9.3e-10), up to the max
    const ranges = [
      [1, 100_000],
      [5_590_000, 5_595_000],
      [9_990_000, 10_000_000],
    ] as const;
    const rejectedByEither: number[] = [];
    // Act
    for (const [from, to] of ranges) {
      for (let cents = from; cents <= to; cents++) {
        const value = cents / 100;
        if (!price(value) || !priceSchema.safeParse(value).success) rejectedByEither.push(value);
      }
    }
    // Assess
    expect(rejectedByEither).toEqual([]);
  });
});

describe('priceSchema', () => {
  it('stores float noise around a whole number of cents as that number of cents', () => {
    // Prepare
    const sent = 0.1 + 0.2;
    // Act
    const parsed = priceSchema.parse(sent);
    // Assess
    expect(sent).not.toBe(0.3);
    expect(parsed).toBe(0.3);
  });
});
