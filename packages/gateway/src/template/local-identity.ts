import { createHash } from 'node:crypto';

/** The account, region and stack a local run pretends to be (pseudo parameters, ARNs). */
export interface LocalIdentity {
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
}

export const defaultIdentity: LocalIdentity = {
  region: 'us-east-1',
  accountId: '123456789012',
  stackName: 'local',
};

/**
 * A stable, API-Gateway-shaped id (10 lower-case letters and digits) for a logical id.
 *
 * @example
 * localApiId('PetsApi') // e.g. 'k3v9x0d2qa', the same on every run
 */
export function localApiId(logicalId: string): string {
  const digest = createHash('sha256').update(logicalId).digest();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(digest.subarray(0, 10), (byte) => alphabet[byte % alphabet.length]).join('');
}

/**
 * The id of an API's local deployment (6 lower-case letters and digits, like API Gateway's), stable
 * across runs: `$context.deploymentId`.
 *
 * @example
 * localDeploymentId('PetsApi') // e.g. 'v99qix'
 */
export function localDeploymentId(apiLogicalId: string): string {
  let id = deploymentIds.get(apiLogicalId);
  if (id === undefined) {
    id = localApiId(`${apiLogicalId}/deployment`).slice(0, 6);
    deploymentIds.set(apiLogicalId, id);
  }
  return id;
}

/** Computed once per API: every request's event carries it. */
const deploymentIds = new Map<string, string>();
