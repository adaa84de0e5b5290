import { GatewayOptionsError } from '../errors';
import type { GatewayModel } from '../template/model';

/**
 * The value of every API key the served APIs' usage plans hold, by logical id: the template's
 * `Value`, else the local value given (`apiKeys`, or the CLI's `--api-keys` file). Refuses, with
 * an error naming the keys, a key of a plan that guards an `ApiKeyRequired` route and has no
 * value (AWS would generate one; locally it must be given), a local value for a key the
 * template does not have or already gives a `Value`, a value shorter than 20 characters, and
 * one value for two keys: an `ApiKeyRequired` route is never served with a key it cannot check.
 *
 * @example
 * apiKeyValues(model, { PartnerApiApiKey: 'local-partner-key-0123456789' })
 * // Map { 'PartnerApiApiKey' => 'local-partner-key-0123456789' }
 */
export function apiKeyValues(
  model: GatewayModel,
  local: Readonly<Record<string, string>> = {},
): Map<string, string> {
  const keys = new Map(
    model.apis.flatMap((api) =>
      api.usagePlans.flatMap((plan) => plan.keys.map((key) => [key.logicalId, key] as const)),
    ),
  );
  const problems: string[] = [];
  const values = new Map<string, string>();
  for (const [id, value] of Object.entries(local)) {
    const key = keys.get(id);
    if (!key) problems.push(`${id} is not an API key of a usage plan of the served APIs`);
    else if (key.value !== undefined) problems.push(`${id} has a Value in the template already`);
    else if (typeof value !== 'string' || value.length < 20)
      problems.push(`${id}: a key value must be at least 20 characters long`);
    else values.set(id, value);
  }
  for (const key of keys.values())
    if (key.value !== undefined) values.set(key.logicalId, key.value);
  const needed = new Set(
    model.apis
      .filter((api) => api.routes.some((route) => route.apiKeyRequired))
      .flatMap((api) => api.usagePlans.flatMap((plan) => plan.keys.map((key) => key.logicalId))),
  );
  const missing = [...needed].filter((id) => !values.has(id));
  if (missing.length > 0)
    problems.push(
      `${missing.join(', ')}: no Value in the template (AWS generates one) and no local value: give one with the apiKeys option or the CLI's --api-keys file ({ "${missing[0]}": "a value of at least 20 characters" })`,
    );
  const owners = new Map<string, string>();
  for (const [id, value] of values) {
    const other = owners.get(value);
    if (other) problems.push(`${other} and ${id} have the same value`);
    owners.set(value, id);
  }
  if (problems.length > 0)
    throw new GatewayOptionsError(
      `API keys cannot be served:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    );
  return values;
}
