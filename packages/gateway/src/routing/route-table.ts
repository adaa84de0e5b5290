import { ownRecord } from '../own-record';
import type { RouteModel } from '../template/model';
import type { MatchedRoute } from './matched-route';

interface Node {
  readonly fixed: Map<string, Node>;
  variable?: { readonly name: string; readonly node: Node };
  greedy?: { readonly name: string; readonly node: Node };
  readonly methods: Map<string, RouteModel>;
}

const newNode = (): Node => ({ fixed: new Map(), methods: new Map() });

/**
 * The methods `ANY` stands for: the HTTP methods a REST API method can have
 * (`AWS::ApiGateway::Method` `HttpMethod`, the API Gateway developer guide's catch-all `ANY`).
 * Another verb (`M-SEARCH`, `PROPFIND`) matches no method at all (G1).
 */
const anyMethods = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);

/**
 * API Gateway's resource tree (Q1-Q4): a literal segment wins over `{param}`, which wins over a
 * greedy `{proxy+}`, and a resource without the request's method gives way to the next candidate
 * (`OPTIONS /test` reaches `/{proxy+}` when `/test` has only `POST`); an exact method wins over
 * `ANY`, which covers the seven REST methods only. Segments are compared and captured as sent,
 * still percent-encoded; leading and trailing slashes do not count, and an empty segment (`//`)
 * is matched only inside a greedy parameter, which keeps it. No resource with the method:
 * `undefined` (G1).
 *
 * @example
 * const table = new RouteTable(routes);
 * table.match('GET', '/pets/a%20b')?.pathParameters // { petId: 'a%20b' }
 */
export class RouteTable {
  private readonly root = newNode();

  constructor(routes: readonly RouteModel[]) {
    for (const route of routes) this.add(route);
  }

  match(method: string, path: string): MatchedRoute | undefined {
    const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
    return find(this.root, trimmed === '' ? [] : trimmed.split('/'), 0, [], method);
  }

  private add(route: RouteModel): void {
    let node = this.root;
    for (const segment of route.path.split('/').filter(Boolean)) {
      const variable = /^\{([^}+]+)(\+)?\}$/.exec(segment);
      if (!variable) {
        const next = node.fixed.get(segment) ?? newNode();
        node.fixed.set(segment, next);
        node = next;
        continue;
      }
      const [, name = '', greedy] = variable;
      const slot = greedy ? 'greedy' : 'variable';
      const existing = node[slot];
      if (existing && existing.name !== name) {
        throw new Error(
          `${route.path}: {${existing.name}} and {${name}} are sibling path parameters, which API Gateway rejects`,
        );
      }
      node[slot] = existing ?? { name, node: newNode() };
      node = node[slot].node;
    }
    node.methods.set(route.method, route);
  }
}

type Parameters = readonly (readonly [string, string])[];

function find(
  node: Node,
  segments: readonly string[],
  index: number,
  parameters: Parameters,
  method: string,
): MatchedRoute | undefined {
  if (index === segments.length) return withMethod(node, method, parameters);
  const segment = segments[index] ?? '';
  if (segment !== '') {
    const fixed = node.fixed.get(segment);
    const viaFixed = fixed && find(fixed, segments, index + 1, parameters, method);
    if (viaFixed) return viaFixed;
    const { variable } = node;
    const viaVariable =
      variable &&
      find(variable.node, segments, index + 1, [...parameters, [variable.name, segment]], method);
    if (viaVariable) return viaVariable;
  }
  const { greedy } = node;
  return (
    greedy &&
    withMethod(greedy.node, method, [...parameters, [greedy.name, segments.slice(index).join('/')]])
  );
}

/** The resource's method for the request (exact, else `ANY`), with its path parameters as own keys. */
function withMethod(node: Node, method: string, parameters: Parameters): MatchedRoute | undefined {
  const route =
    node.methods.get(method) ?? (anyMethods.has(method) ? node.methods.get('ANY') : undefined);
  return route && { route, pathParameters: ownRecord(parameters) };
}
