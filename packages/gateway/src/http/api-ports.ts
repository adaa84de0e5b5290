import { GatewayOptionsError } from '../errors';
import type { ApiModel } from '../template/model';

/**
 * The port each served API listens on: `ports` by logical id, else `port` for the first API,
 * else `0` (any free port). A logical id in `ports` that is not served is an error.
 *
 * @example
 * apiPorts(model.apis, 3000, { PetsIamApi: 3001 }) // Map { 'PetsApi' => 3000, 'PetsIamApi' => 3001 }
 */
export function apiPorts(
  apis: readonly Pick<ApiModel, 'logicalId'>[],
  port: number | undefined,
  ports: Readonly<Record<string, number>> | undefined,
): Map<string, number> {
  const given = new Map(Object.entries(ports ?? {}));
  const served = apis.map((api) => api.logicalId);
  const unknown = [...given.keys()].filter((id) => !served.includes(id));
  if (unknown.length > 0) {
    throw new GatewayOptionsError(
      `ports names ${unknown.join(', ')}, which the gateway does not serve (it serves ${served.join(', ')})`,
    );
  }
  return new Map(served.map((id, index) => [id, given.get(id) ?? (index === 0 ? (port ?? 0) : 0)]));
}
