/**
 * An option's value as a TCP port (0 to 65535), or `undefined` when it is not one (the caller
 * names the option in its mistake).
 *
 * @example
 * portValue('3000') // 3000
 * portValue('30x') // undefined
 */
export function portValue(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65_535 ? port : undefined;
}

/**
 * `Name=Value` options (`--parameter Stage=dev`, repeatable) as pairs, in order; the first one
 * that is not of that shape is returned as `invalid` (the caller names it in its mistake).
 *
 * @example
 * namedValues(['Stage=dev', 'Bad']) // { pairs: [['Stage', 'dev']], invalid: 'Bad' }
 */
export function namedValues(list: readonly string[]): {
  readonly pairs: readonly (readonly [string, string])[];
  readonly invalid: string | undefined;
} {
  const pairs: [string, string][] = [];
  for (const item of list) {
    const at = item.indexOf('=');
    if (at <= 0) return { pairs, invalid: item };
    pairs.push([item.slice(0, at), item.slice(at + 1)]);
  }
  return { pairs, invalid: undefined };
}
