import { type OperationId, operation } from '@petstore/api-contract/operations';
import type { OperationTypes } from '@petstore/api-contract/types';

/** The header in which the IAM API takes the signed-in user's ID token. */
export const idTokenHeader = 'X-Id-Token';

/** The header parameters an operation of the contract declares (never when it has none). */
type HeaderParameters<Id extends keyof OperationTypes> = NonNullable<
  OperationTypes[Id]['parameters']['header']
>;

/** The operations whose contract declares the ID token header. */
type WantsIdToken = {
  [Id in keyof OperationTypes]: [HeaderParameters<Id>] extends [never]
    ? never
    : typeof idTokenHeader extends keyof HeaderParameters<Id>
      ? Id
      : never;
}[keyof OperationTypes];

/** Every one of them (the compiler checks both ways: none missing, none that does not declare it). */
const idTokenOperations = ['purchasePet'] as const satisfies readonly (WantsIdToken &
  OperationId)[];
const complete: Exclude<WantsIdToken, (typeof idTokenOperations)[number]> extends never
  ? true
  : never = true;

const routes = new Set<string>(
  complete ? idTokenOperations.map((id) => `${operation(id).method} ${operation(id).path}`) : [],
);

/**
 * Whether the contract wants the ID token header on this request (`purchasePet`), from its method
 * and the OpenAPI path template the typed client called.
 *
 * @example
 * wantsIdToken('POST', '/pets/{petId}/purchase') // true
 * wantsIdToken('GET', '/pets') // false
 */
export function wantsIdToken(method: string, schemaPath: string): boolean {
  return routes.has(`${method.toUpperCase()} ${schemaPath}`);
}
