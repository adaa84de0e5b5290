import { loadContract } from '@petstore/api-contract/document';
import { createContractValidator } from '@petstore/api-contract/validate';

const validator = createContractValidator(loadContract());

/**
 * A validator for one of the contract's component schemas.
 *
 * @example
 * const isPet = contractSchema('Pet');
 * isPet(body); // true or false; isPet.errors says why
 */
export const contractSchema = (name: string) => validator.schema(name);

/** A validator for the query of an operation (its query parameters as an object). */
export const contractQuery = (path: string, method: string) => validator.query(path, method);
