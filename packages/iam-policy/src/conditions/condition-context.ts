/**
 * The request's condition keys and their values, as a caller gives them: a key may have one
 * value or several (`aws:TagKeys`). Key names are compared case-insensitively.
 */
export type ConditionContext = ReadonlyMap<string, string | readonly string[]>;

/** The context keyed by lower-cased name, every value a list (empty = absent). */
export type NormalizedContext = ReadonlyMap<string, readonly string[]>;

/**
 * Lower-cases the key names (IAM: context key names are not case-sensitive). Two keys that
 * differ only in case are refused: which one a condition means would be a guess.
 *
 * @example
 * normalizeContext(new Map([['aws:RequestTag/PetRole', 'admin']])).get('aws:requesttag/petrole') // ['admin']
 */
export function normalizeContext(context: ConditionContext): NormalizedContext {
  const normalized = new Map<string, readonly string[]>();
  for (const [key, value] of context) {
    const name = key.toLowerCase();
    if (normalized.has(name)) {
      throw new TypeError(`condition context has two keys named ${JSON.stringify(name)}`);
    }
    normalized.set(name, typeof value === 'string' ? [value] : value);
  }
  return normalized;
}
