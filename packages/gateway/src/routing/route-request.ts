import type { GatewayRequest } from '../http/gateway-request';
import type { MatchedRoute } from './matched-route';
import type { RouteTable } from './route-table';

/**
 * Finds the route of a request. Like the execute-api URL, paths are served under the stage
 * (`/prod/pets`), which is then taken off the event's `path`; like `sam local` (or a custom
 * domain mapped at `/`), they are also served from the root (`/pets`). The stage wins when its
 * path has a route, so a root `/{proxy+}` does not swallow `/prod/...`. As on AWS (Q3), leading
 * slashes are collapsed in `path` and `requestContext.path`, while a `//` after the stage is kept
 * in the path called (`/prod//pets` calls `/prod//pets`; its `path` is `/pets`).
 *
 * @example
 * routeRequest(table, 'prod', request) // { request: { ...request, path: '/pets', calledPath: '/prod/pets' }, matched: { route, pathParameters } }
 */
export function routeRequest(
  table: RouteTable,
  stage: string,
  request: GatewayRequest,
): { readonly request: GatewayRequest; readonly matched: MatchedRoute | undefined } {
  const calledPath = collapseLeadingSlashes(request.path);
  const prefix = `/${stage}`;
  if (calledPath === prefix || calledPath.startsWith(`${prefix}/`)) {
    const unstaged = {
      ...request,
      path: collapseLeadingSlashes(calledPath.slice(prefix.length)),
      stagePrefix: prefix,
      calledPath,
    };
    const matched = table.match(unstaged.method, unstaged.path);
    if (matched) return { request: unstaged, matched };
  }
  const direct = { ...request, path: calledPath, calledPath };
  return { request: direct, matched: table.match(direct.method, direct.path) };
}

function collapseLeadingSlashes(path: string): string {
  return `/${path.replace(/^\/+/, '')}`;
}
