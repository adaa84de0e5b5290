import type { GatewayRequest } from '../http/gateway-request';
import type { MatchedRoute } from './matched-route';
import type { RouteTable } from './route-table';

/**
 * Finds the route of a request. Like `sam local`, paths are served from the root (`/pets`);
 * like the execute-api URL, they are also served under the stage (`/prod/pets`), in which case
 * the stage is removed from the request's path, as API Gateway's event has it.
 *
 * @example
 * routeRequest(table, 'prod', request) // { request: { ...request, path: '/pets' }, matched: { route, pathParameters } }
 */
export function routeRequest(
  table: RouteTable,
  stage: string,
  request: GatewayRequest,
): { readonly request: GatewayRequest; readonly matched: MatchedRoute | undefined } {
  const direct = table.match(request.method, request.path);
  if (direct) return { request, matched: direct };
  const prefix = `/${stage}`;
  if (request.path !== prefix && !request.path.startsWith(`${prefix}/`))
    return { request, matched: undefined };
  const unstaged = {
    ...request,
    path: request.path.slice(prefix.length) || '/',
    stagePrefix: prefix,
  };
  const matched = table.match(unstaged.method, unstaged.path);
  return matched ? { request: unstaged, matched } : { request, matched: undefined };
}
