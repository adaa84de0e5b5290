import type { OperationRow } from './derive-operations';
import { operations as generated } from './generated/operations';

export type { OperationRow } from './derive-operations';

/** Every operation of the contract: method, path template, operationId, required permissions. */
export const operations: readonly OperationRow[] = generated;

/** The operationIds of the contract, e.g. `'listPets'`. */
export type OperationId = (typeof generated)[number]['operationId'];

/**
 * The row of one operation.
 *
 * @example
 * operation('purchasePet').permissions // ['purchase:pets']
 */
export function operation(operationId: OperationId): OperationRow {
  const row = operations.find((candidate) => candidate.operationId === operationId);
  if (!row) throw new Error(`unknown operation ${operationId}`);
  return row;
}
