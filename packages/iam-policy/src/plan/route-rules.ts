import { UnsafeRouteTableError } from './unsafe-route-table-error';

/**
 * One operation of a route table, as the planner needs it. Structural, so that any table
 * fits (the contract's operation table does).
 */
export interface RouteRow {
  readonly operationId: string;
  /** Upper case: `GET`, `POST`, ... */
  readonly method: string;
  /** A path template, `{param}` segments for parameters: `/pets/{petId}`. */
  readonly path: string;
  /** Every one of these is required to call the operation. */
  readonly permissions: readonly string[];
}

/** One operation as the planner sees it. */
export interface RouteRule {
  readonly operationId: string;
  readonly permissions: readonly string[];
  /** Resource pattern relative to the stage, `{param}` segments as `*`: `GET/pets/*`. */
  readonly pattern: string;
  /**
   * Concrete `METHOD/path`s standing for every request of this route: each parameter takes
   * each literal segment of the table, plus one value that is none of them. Our patterns
   * only have whole-segment `*`s, so if some request of a route matches a pattern, one of
   * these samples does.
   */
  readonly samples: readonly string[];
}

const parameter = /^\{[A-Za-z0-9_]+\}$/;

/**
 * The rules of an operation table. A row whose method or path cannot be written as an IAM
 * resource (greedy `{proxy+}`, a literal `*`, a lower-case method...) throws
 * {@link UnsafeRouteTableError}.
 *
 * @example
 * routeRules([{ operationId: 'getPet', method: 'GET', path: '/pets/{petId}', permissions: ['read:pets'] }])[0].pattern
 * // 'GET/pets/*'
 */
export function routeRules(operations: readonly RouteRow[]): readonly RouteRule[] {
  const templates = operations.map((operation) => segmentsOf(operation));
  const literals = new Set(
    templates.flat().filter((segment) => segment !== '' && !parameter.test(segment)),
  );
  let fresh = 'x';
  while (literals.has(fresh)) fresh += 'x';
  const values = [...literals, fresh];

  return operations.map((operation, index) => {
    const segments = templates[index] ?? [];
    const pattern = segments.map((segment) => (parameter.test(segment) ? '*' : segment));
    const samples = segments.reduce<string[][]>(
      (paths, segment) =>
        paths.flatMap((path) =>
          parameter.test(segment) ? values.map((value) => [...path, value]) : [[...path, segment]],
        ),
      [[]],
    );
    return {
      operationId: operation.operationId,
      permissions: operation.permissions,
      pattern: `${operation.method}${pattern.join('/')}`,
      samples: samples.map((path) => `${operation.method}${path.join('/')}`),
    };
  });
}

function segmentsOf(operation: RouteRow): readonly string[] {
  const segments = operation.path.split('/');
  const unsupported = segments.find(
    (segment) => !parameter.test(segment) && /[{}*?]/.test(segment),
  );
  if (!/^[A-Z]+$/.test(operation.method) || !operation.path.startsWith('/') || unsupported) {
    throw new UnsafeRouteTableError(
      `${operation.operationId}: ${operation.method} ${operation.path} cannot be expressed as an IAM resource`,
    );
  }
  return segments;
}
