import type { RawTemplate } from '@petstore/gateway/load-template';
import { describe, expect, it } from 'vitest';
import { referencesOf } from './support/cfn-intrinsics';
import { template } from './support/template';

/**
 * What each resource needs created first: what its properties name through `Ref`, `Fn::GetAtt`
 * and `Fn::Sub`, its `DependsOn`, and for an API, every function with an event on it (SAM puts
 * the function's ARN in the API's definition; the function itself does not name the API: the
 * event becomes a separate permission and the API's method, so `Events` are left out).
 */
function dependencies(of: RawTemplate): Map<string, Set<string>> {
  const resources = of.Resources;
  const graph = new Map<string, Set<string>>();
  for (const [id, resource] of Object.entries(resources)) {
    const { Events: _events, ...properties } = resource.Properties ?? {};
    const needs = new Set([...referencesOf(properties)].filter((name) => name in resources));
    for (const name of [resource.DependsOn ?? []].flat()) needs.add(String(name));
    graph.set(id, needs);
  }
  for (const [id, resource] of Object.entries(resources)) {
    if (resource.Type !== 'AWS::Serverless::Function') continue;
    const events = (resource.Properties?.Events ?? {}) as Record<
      string,
      { Type: string; Properties?: { RestApiId?: unknown } }
    >;
    for (const event of Object.values(events)) {
      if (event.Type !== 'Api') continue;
      const [api] = referencesOf(event.Properties?.RestApiId ?? 'ServerlessRestApi');
      graph.get(api ?? 'ServerlessRestApi')?.add(id);
    }
  }
  return graph;
}

/** One cycle of the graph as a path (`A -> B -> A`), or undefined. */
function findCycle(graph: ReadonlyMap<string, ReadonlySet<string>>): string | undefined {
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (node: string): string | undefined => {
    const at = path.indexOf(node);
    if (at >= 0) return [...path.slice(at), node].join(' -> ');
    if (done.has(node)) return undefined;
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    done.add(node);
    return undefined;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return undefined;
}

describe('the order CloudFormation creates resources in', () => {
  const graph = dependencies(template);

  it('has no dependency cycle', () => {
    expect(findCycle(graph)).toBeUndefined();
  });

  it('sees the edges that matter: function -> role, policy -> role and IAM API, IAM API -> function', () => {
    expect([...(graph.get('ListPetsFunction') ?? [])]).toEqual(
      expect.arrayContaining(['AdminRole', 'BuyerRole', 'PetsTable']),
    );
    expect([...(graph.get('AdminInvokePolicy') ?? [])].sort()).toEqual(['AdminRole', 'PetsIamApi']);
    expect([...(graph.get('PetsIamApi') ?? [])]).toEqual(
      expect.arrayContaining(['ListPetsFunction', 'PurchasePetFunction', 'SpaDistribution']),
    );
    expect([...(graph.get('AdminRole') ?? [])]).toEqual(['OidcProvider']);
  });

  it('would have a cycle if a role carried its invoke policy inline (why the policies are resources)', () => {
    // Prepare: the admin policy moved into AdminRole's Policies
    const policy = template.Resources.AdminInvokePolicy?.Properties?.PolicyDocument;
    const inline: RawTemplate = {
      ...template,
      Resources: {
        ...template.Resources,
        AdminRole: {
          ...(template.Resources.AdminRole ?? { Type: 'AWS::IAM::Role' }),
          Properties: {
            ...template.Resources.AdminRole?.Properties,
            Policies: [{ PolicyName: 'invoke', PolicyDocument: policy }],
          },
        },
      },
    };

    // Act
    const cycle = findCycle(dependencies(inline));

    // Assess
    const nodes = cycle?.split(' -> ') ?? [];
    expect(nodes).toEqual(expect.arrayContaining(['AdminRole', 'PetsIamApi']));
    expect(nodes.some((node) => /Function$/.test(node))).toBe(true);
  });
});
