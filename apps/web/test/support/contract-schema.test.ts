import { expect, it } from 'vitest';
import { schemaErrors } from './contract-schema';

const document = {
  components: { schemas: { Name: { type: ['string', 'null'], maxLength: 3 } } },
};

it('refuses a schema keyword it does not know rather than letting any value pass', () => {
  // Act / Assess
  expect(() => schemaErrors(document, { type: 'array', minItems: 1 }, [])).toThrow(
    /does not know the keyword "minItems"/,
  );
});

it('follows references and reads a type list, null included', () => {
  // Prepare
  const schema = { $ref: '#/components/schemas/Name' };

  // Act / Assess
  expect(schemaErrors(document, schema, null)).toEqual([]);
  expect(schemaErrors(document, schema, 'Ada!')).toEqual(['/: longer than 3']);
  expect(schemaErrors(document, schema, 7)).toEqual(['/: is integer, not string or null']);
});

it('accepts whole cents as multiples of 0.01 despite binary floating point (19.99, 55924.09)', () => {
  // Act / Assess
  for (const price of [19.99, 55_924.09, 0.07]) {
    expect(schemaErrors(document, { type: 'number', multipleOf: 0.01 }, price)).toEqual([]);
  }
  expect(schemaErrors(document, { type: 'number', multipleOf: 0.01 }, 0.001)).toEqual([
    '/: not a multiple of 0.01',
  ]);
});
