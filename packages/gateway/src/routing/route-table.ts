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
 * API Gateway's resource tree: a literal segment wins over `{param}`, which wins over a greedy
 * `{proxy+}`; an exact method wins over `ANY`, which covers the seven REST methods only. No
 * resource or no method: `undefined` (G1).
 *
 * @example
 * const table = new RouteTable(routes);
 * table.match('GET', '/pets/7')?.pathParameters // { petId: '7' }
 */
export class RouteTable {
  private readonly root = newNode();

  constructor(routes: readonly RouteModel[]) {
    for (const route of routes) this.add(route);
  }

  match(method: string, path: string): MatchedRoute | undefined {
    const found = find(this.root, path.split('/').filter(Boolean), 0, {});
    if (!found) return undefined;
    const route =
      found.node.methods.get(method) ??
      (anyMethods.has(method) ? found.node.methods.get('ANY') : undefined);
    return route ? { route, pathParameters: found.parameters } : undefined;
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

function find(
  node: Node,
  segments: readonly string[],
  index: number,
  parameters: Record<string, string>,
): { node: Node; parameters: Record<string, string> } | undefined {
  if (index === segments.length) return node.methods.size > 0 ? { node, parameters } : undefined;
  const segment = segments[index] ?? '';
  const fixed = node.fixed.get(decode(segment));
  const viaFixed = fixed && find(fixed, segments, index + 1, parameters);
  if (viaFixed) return viaFixed;
  const { variable, greedy } = node;
  const viaVariable =
    variable &&
    find(
      variable.node,
      segments,
      index + 1,
      withParameter(parameters, variable.name, decode(segment)),
    );
  if (viaVariable) return viaVariable;
  if (greedy && greedy.node.methods.size > 0) {
    return {
      node: greedy.node,
      parameters: withParameter(parameters, greedy.name, decode(segments.slice(index).join('/'))),
    };
  }
  return undefined;
}

/** The parameters with one more, as own keys (the event's `pathParameters`). */
function withParameter(
  parameters: Readonly<Record<string, string>>,
  name: string,
  value: string,
): Record<string, string> {
  return ownRecord([...Object.entries(parameters), [name, value]]);
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
