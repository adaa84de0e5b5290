import type { RouteModel } from '../template/model';

/** A route found for a request, with its decoded path parameters. */
export interface MatchedRoute {
  readonly route: RouteModel;
  readonly pathParameters: Readonly<Record<string, string>>;
}
