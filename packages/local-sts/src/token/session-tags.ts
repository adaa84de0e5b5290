import { stsErrors } from '../protocol/sts-errors';

/** The claim STS takes session tags from (IAM's guide to passing session tags with OIDC). */
export const sessionTagsClaim = 'https://aws.amazon.com/tags';

/** Session tags of a web identity token. */
export interface SessionTags {
  /** Tag key to value, in the order of the claim. */
  readonly tags: ReadonlyMap<string, string>;
  /** `transitive_tag_keys`, each one a key of `tags`. */
  readonly transitiveKeys: readonly string[];
}

// IAM's limits for session tags: at most 50, keys 1-128 and values 0-256 characters of these.
const maxTags = 50;
const keyPattern = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const valuePattern = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

/**
 * Reads the session tags claim of a verified token: `principal_tags` maps each key to a list of
 * exactly one value, `transitive_tag_keys` (optional) lists keys of `principal_tags`. Returns
 * `undefined` when the token has no such claim. Throws an `StsError` for a malformed claim.
 *
 * @example
 * readSessionTags({ 'https://aws.amazon.com/tags': { principal_tags: { PetRole: ['buyer'] } } })
 * // { tags: Map { 'PetRole' => 'buyer' }, transitiveKeys: [] }
 */
export function readSessionTags(
  payload: Readonly<Record<string, unknown>>,
): SessionTags | undefined {
  if (!Object.hasOwn(payload, sessionTagsClaim)) return undefined;
  const claim = payload[sessionTagsClaim];
  const malformed = (why: string) => stsErrors.malformedSessionTags(`session tags claim: ${why}`);
  if (!isPlainObject(claim)) throw malformed('not an object');
  const unknown = Object.keys(claim).filter(
    (name) => name !== 'principal_tags' && name !== 'transitive_tag_keys',
  );
  if (unknown.length > 0) throw malformed(`unknown member ${JSON.stringify(unknown[0])}`);
  const principal = claim.principal_tags;
  if (!isPlainObject(principal)) throw malformed('principal_tags is not an object');
  const entries = Object.entries(principal);
  if (entries.length > maxTags) throw malformed(`${entries.length} tags, at most ${maxTags}`);
  const tags = new Map<string, string>();
  const lowerKeys = new Map<string, string>();
  for (const [key, values] of entries) {
    if (!keyPattern.test(key)) throw malformed(`tag key ${JSON.stringify(key)} is not allowed`);
    if (!Array.isArray(values) || values.length !== 1 || typeof values[0] !== 'string')
      throw malformed(`tag ${JSON.stringify(key)} is not a list of one string`);
    const value: string = values[0];
    if (!valuePattern.test(value))
      throw malformed(`value of tag ${JSON.stringify(key)} is not allowed or over 256 characters`);
    const lower = key.toLowerCase();
    const clash = lowerKeys.get(lower);
    if (clash !== undefined)
      throw stsErrors.duplicateTagKeys(
        `tag keys ${JSON.stringify(clash)} and ${JSON.stringify(key)}`,
      );
    lowerKeys.set(lower, key);
    tags.set(key, value);
  }
  const transitive = claim.transitive_tag_keys ?? [];
  if (!Array.isArray(transitive) || !transitive.every((key) => typeof key === 'string'))
    throw malformed('transitive_tag_keys is not a list of strings');
  for (const key of transitive) {
    if (!lowerKeys.has(key.toLowerCase()))
      throw stsErrors.transitiveTagNotInTags(
        `transitive tag key ${JSON.stringify(key)} has no tag`,
      );
  }
  return { tags, transitiveKeys: transitive };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
