import { loadContract } from '@petstore/api-contract/document';
import { Ajv2020 } from 'ajv/dist/2020';

/**
 * The contract's JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12), compiled with ajv.
 *
 * The components become the `$defs` of one schema, and every `#/components/schemas/X` reference
 * becomes `#/$defs/X`, which resolves inside it.
 *
 * `multipleOfPrecision: 9`: ajv tests `multipleOf` on doubles as `|round(x / m) - x / m| <= 1e-9`.
 * Without a tolerance it rejects 19.99 (19.99 / 0.01 is 1998.9999999999998 in binary floating
 * point). 1e-9 is the tightest power of ten that accepts every whole-cent price up to the
 * maximum (the worst error, at 55,924.09, is 9.3e-10); the domain's zod schema uses the same
 * test, so both accept and reject exactly the same numbers.
 *
 * `validateFormats: false`: in JSON Schema 2020-12 `format` is an annotation by default.
 */
export const ajv = new Ajv2020({
  strict: true,
  allErrors: true,
  multipleOfPrecision: 9,
  validateFormats: false,
});

const contract = loadContract();
const contractId = 'petstore-contract.json';
const rewriteRefs = (value: unknown, base: string): unknown =>
  JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${base}#/$defs/`));

ajv.addSchema({ $id: contractId, $defs: rewriteRefs(contract.components.schemas, '') });

/**
 * A validator for one of the contract's component schemas.
 *
 * @example
 * const isPet = contractSchema('Pet');
 * isPet(body); // true or false; isPet.errors says why
 */
export function contractSchema(name: string) {
  return ajv.compile({ $ref: `${contractId}#/$defs/${name}` });
}

/**
 * A validator for the query of an operation: an object whose properties are its query
 * parameters (each with the parameter's schema), with the required ones required.
 */
export function contractQuery(path: string, method: string) {
  const operation = contract.paths[path]?.[method] as
    | { parameters?: { name: string; in: string; required?: boolean; schema: unknown }[] }
    | undefined;
  const parameters = (operation?.parameters ?? []).filter((parameter) => parameter.in === 'query');
  if (parameters.length === 0) throw new Error(`${method} ${path} has no query parameters`);
  return ajv.compile({
    type: 'object',
    properties: Object.fromEntries(
      parameters.map((parameter) => [parameter.name, rewriteRefs(parameter.schema, contractId)]),
    ),
    required: parameters.filter((parameter) => parameter.required).map(({ name }) => name),
  });
}
