import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { ContractDocument } from './document';

export type { ValidateFunction } from 'ajv/dist/2020.js';

/** Validators for what the contract describes, all compiled by one ajv instance. */
export interface ContractValidator {
  /** One of the component schemas, e.g. `Pet`. */
  schema(name: string): ValidateFunction;
  /** The query of an operation: an object of its query parameters, the required ones required. */
  query(path: string, method: string): ValidateFunction;
  /** A schema written in the contract's terms (`#/components/schemas/X` references resolve). */
  compile(schema: unknown): ValidateFunction;
  /** A node of the document with its local `$ref` followed (e.g. a response under `components`). */
  resolve(node: unknown): unknown;
}

const contractId = 'petstore-contract.json';

/**
 * The contract's JSON Schemas (OpenAPI 3.1, so JSON Schema 2020-12) compiled with ajv, for tests
 * that check data against the contract (the domain's schemas, the SPA's canned replies). The
 * components become the `$defs` of one schema and every `#/components/schemas/X` reference
 * points there.
 *
 * `multipleOfPrecision: 9`: ajv tests `multipleOf` on doubles as `|round(x / m) - x / m| <= 1e-9`.
 * Without a tolerance it rejects 19.99 (19.99 / 0.01 is 1998.9999999999998 in binary floating
 * point). 1e-9 is the tightest power of ten that accepts every whole-cent price up to the
 * maximum (the worst error, at 55,924.09, is 9.3e-10); the domain's zod schema uses the same
 * test, so both accept and reject exactly the same numbers. `validateFormats: false`: in JSON
 * Schema 2020-12 `format` is an annotation.
 *
 * @example
 * const validator = createContractValidator(loadContract());
 * const isPet = validator.schema('Pet');
 * isPet(body); // true or false; isPet.errors says why
 */
export function createContractValidator(contract: ContractDocument): ContractValidator {
  const ajv = new Ajv2020({
    strict: true,
    allErrors: true,
    multipleOfPrecision: 9,
    validateFormats: false,
  });
  const rewriteRefs = (value: unknown, base: string): unknown =>
    JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${base}#/$defs/`));
  ajv.addSchema({ $id: contractId, $defs: rewriteRefs(contract.components.schemas, '') });

  const resolve = (node: unknown): unknown => {
    const ref = node !== null && typeof node === 'object' ? Object.entries(node) : [];
    const pointer = ref.find(([key]) => key === '$ref')?.[1];
    return typeof pointer === 'string' ? resolve(pointerTarget(contract, pointer)) : node;
  };

  return {
    schema: (name) => ajv.compile({ $ref: `${contractId}#/$defs/${name}` }),
    compile: (schema) => ajv.compile(rewriteRefs(schema, contractId) as object),
    resolve,
    query(path, method) {
      const operation = new Map(Object.entries(contract.paths[path] ?? {})).get(method) as
        | { parameters?: { name: string; in: string; required?: boolean; schema: unknown }[] }
        | undefined;
      const parameters = (operation?.parameters ?? []).filter(({ in: where }) => where === 'query');
      if (parameters.length === 0) throw new Error(`${method} ${path} has no query parameters`);
      return ajv.compile({
        type: 'object',
        properties: Object.fromEntries(
          parameters.map((parameter) => [
            parameter.name,
            rewriteRefs(parameter.schema, contractId),
          ]),
        ),
        required: parameters.filter((parameter) => parameter.required).map(({ name }) => name),
      });
    },
  };
}

/** The node a local JSON pointer (`#/components/responses/Problem`) names. */
function pointerTarget(document: unknown, pointer: string): unknown {
  if (!pointer.startsWith('#/')) throw new Error(`only local references are supported: ${pointer}`);
  let node: unknown = document;
  for (const raw of pointer.slice(2).split('/')) {
    const key = raw.replaceAll('~1', '/').replaceAll('~0', '~');
    const entries = new Map(node !== null && typeof node === 'object' ? Object.entries(node) : []);
    if (!entries.has(key)) throw new Error(`unresolved reference ${pointer}`);
    node = entries.get(key);
  }
  return node;
}
