/** One API operation as the authorizer and the gateway need it. */
export interface OperationRow {
  readonly operationId: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path template, e.g. `/pets/{petId}`. */
  readonly path: string;
  /** Every one of these is required (the operation's OAuth2 scopes). */
  readonly permissions: readonly string[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type SecurityRequirement = Record<string, string[]>;
interface OperationObject {
  operationId?: string;
  security?: SecurityRequirement[];
}

/**
 * Derives the operation table from a parsed OpenAPI document.
 *
 * Each operation must have an `operationId` and exactly one security requirement (its scopes
 * are the permissions it needs): an operation without one would be reachable by any caller.
 *
 * @example
 * deriveOperations(parse(readFileSync('openapi.yaml', 'utf8')))
 * // [{ operationId: 'listPets', method: 'GET', path: '/pets', permissions: ['read:pets'] }, ...]
 */
export function deriveOperations(document: {
  paths?: Record<string, Record<string, unknown>>;
}): OperationRow[] {
  const rows: OperationRow[] = [];
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) continue;
      const where = `${method.toUpperCase()} ${path}`;
      if (!operation.operationId) throw new Error(`${where} has no operationId`);
      const [requirement, ...others] = operation.security ?? [];
      if (!requirement || others.length > 0) {
        throw new Error(`${where} must declare exactly one security requirement`);
      }
      rows.push({
        operationId: operation.operationId,
        method: method.toUpperCase() as OperationRow['method'],
        path,
        permissions: Object.values(requirement).flat(),
      });
    }
  }
  return rows;
}
