import { RouteTable } from '../routing/route-table';
import type { Diagnostics } from './diagnostics';
import type { CorsModel, MethodAuthorization, RouteModel } from './model';
import type { ApiEvent } from './read-api-events';
import type { AuthModel } from './read-auth';

const allHttpMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT'];

/**
 * The API's routes: one per `Api` event, with the event's authorizer or the default one (a TOKEN
 * or REQUEST authorizer, `AWS_IAM` with its `InvokeRole`, or `NONE`), plus
 * SAM's CORS preflight (`OPTIONS`, mock integration) on each path that has no `OPTIONS` of its
 * own (C1), guarded by the default authorizer unless `AddDefaultAuthorizerToCorsPreflight` is false (C2).
 *
 * @example
 * readRoutes(events, auth, cors, 'Api PetsApi', diagnostics)
 * // [{ path: '/pets', method: 'GET', ... }, { path: '/pets', method: 'OPTIONS', integration: { kind: 'cors-preflight', ... } }]
 */
export function readRoutes(
  events: readonly ApiEvent[],
  auth: AuthModel,
  cors: CorsModel | undefined,
  where: string,
  diagnostics: Diagnostics,
): RouteModel[] {
  const routes: RouteModel[] = [];
  const authorizationFor = (
    name: string | undefined,
    invokeRole: string | undefined,
    at: string,
  ): MethodAuthorization => {
    const chosen = name ?? auth.defaultAuthorizer;
    if (chosen === undefined || chosen === 'NONE') return { type: 'NONE' };
    if (chosen === 'AWS_IAM')
      return {
        type: 'AWS_IAM',
        callerCredentials: callerCredentials(invokeRole ?? auth.invokeRole, at),
      };
    const unsupported = auth.unsupported.get(chosen);
    if (unsupported) diagnostics.error(at, `uses authorizer ${chosen}: ${unsupported}`);
    else if (!auth.authorizers.has(chosen))
      diagnostics.error(
        at,
        `uses authorizer ${chosen}, which ${where}.Auth.Authorizers does not define`,
      );
    const type = auth.authorizers.get(chosen)?.type ?? 'TOKEN';
    return { type, authorizer: chosen };
  };
  const callerCredentials = (invokeRole: string | undefined, at: string): boolean => {
    if (invokeRole === undefined || invokeRole === 'CALLER_CREDENTIALS') return true;
    if (invokeRole !== 'NONE') {
      diagnostics.warn(
        `${at} InvokeRole`,
        `${invokeRole}: API Gateway would call the function as this role; its permissions are not checked locally`,
      );
    }
    return false;
  };
  for (const event of events) {
    const at = `Function ${event.functionId} (${event.method} ${event.path})`;
    if (routes.some((route) => route.path === event.path && route.method === event.method)) {
      diagnostics.error(at, 'the same path and method is already an event of another function');
      continue;
    }
    routes.push({
      path: event.path,
      method: event.method,
      integration: { kind: 'lambda', functionId: event.functionId, timeoutMs: event.timeoutMs },
      authorization: authorizationFor(event.authorizer, event.invokeRole, at),
      validation: event.validation,
      apiKeyRequired: event.apiKeyRequired ?? auth.apiKeyRequired,
    });
  }
  try {
    new RouteTable(routes);
  } catch (error) {
    diagnostics.error(where, (error as Error).message);
  }
  if (!cors) return routes;
  const preflightAuthorization: MethodAuthorization = auth.addDefaultAuthorizerToCorsPreflight
    ? authorizationFor(undefined, 'NONE', `${where} CORS preflight`)
    : { type: 'NONE' };
  for (const path of new Set(routes.map((route) => route.path))) {
    const methods = routes.filter((route) => route.path === path).map((route) => route.method);
    if (methods.includes('OPTIONS')) continue;
    const allowMethods = methods.includes('ANY')
      ? allHttpMethods
      : [...new Set([...methods, 'OPTIONS'])].sort();
    routes.push({
      path,
      method: 'OPTIONS',
      integration: {
        kind: 'cors-preflight',
        allowMethods: cors.allowMethods ?? allowMethods.join(','),
      },
      authorization: preflightAuthorization,
      validation: undefined,
      // SAM adds the API's key requirement to its preflights unless told not to.
      apiKeyRequired: auth.apiKeyRequired && auth.addApiKeyRequiredToCorsPreflight,
    });
  }
  return routes;
}
