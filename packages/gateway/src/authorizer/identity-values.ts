import { type GatewayRequest, headerValues } from '../http/gateway-request';
import { logText } from '../log-text';
import { ownValue } from '../own-record';
import type { IdentitySourceModel } from '../template/model';

/** Where identity sources are read: the request, the stage's variables, the `$context` of the request. */
export interface IdentityScope {
  readonly request: Pick<GatewayRequest, 'headers' | 'query'>;
  readonly stageVariables: Readonly<Record<string, string>>;
  /** A `$context` variable by name (`identity.sourceIp`), `undefined` when it has none. */
  readonly context: (name: string) => string | undefined;
}

export type IdentityRead =
  | { readonly ok: true; readonly values: readonly string[] }
  | { readonly ok: false; readonly problem: string; readonly repeated: boolean };

/**
 * The values of an authorizer's identity sources, in order (A2, R3, R4): each must be present and
 * non-empty, and given once (a header or query string sent twice is two identities, so none).
 * Header names are compared case-insensitively, query string and stage variable names exactly.
 * The problem names the source, never its value.
 *
 * @example
 * readIdentity([{ location: 'header', name: 'authorization', expression: 'method.request.header.authorization' }], scope)
 * // { ok: true, values: ['Bearer eyJ...'] }, or { ok: false, problem: 'method.request.header.authorization is missing or empty', repeated: false }
 */
export function readIdentity(
  sources: readonly IdentitySourceModel[],
  scope: IdentityScope,
): IdentityRead {
  const values: string[] = [];
  for (const source of sources) {
    const found = sourceValues(source, scope);
    const expression = logText(source.expression);
    if (found.length > 1) {
      return { ok: false, problem: `${expression} sent ${found.length} times`, repeated: true };
    }
    const value = found[0];
    if (!value) return { ok: false, problem: `${expression} is missing or empty`, repeated: false };
    values.push(value);
  }
  return { ok: true, values };
}

function sourceValues(source: IdentitySourceModel, scope: IdentityScope): readonly string[] {
  const single = (value: string | undefined) => (value === undefined ? [] : [value]);
  switch (source.location) {
    case 'header':
      return headerValues(scope.request, source.name);
    case 'querystring':
      return new URLSearchParams(scope.request.query).getAll(source.name);
    case 'stageVariables':
      return single(ownValue(scope.stageVariables, source.name));
    case 'context':
      return single(scope.context(source.name));
  }
}
