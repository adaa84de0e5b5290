/**
 * A plain object from entries, each one an own enumerable property, even when it is named
 * `__proto__` or `constructor` (as `JSON.parse` would make it): for the maps of an event, which
 * must serialise as JSON objects. Build it from a `Map`, never by assigning client-chosen keys.
 *
 * @example
 * ownRecord([['__proto__', 'x']]) // { ['__proto__']: 'x' }, an own key: JSON.stringify gives {"__proto__":"x"}
 */
export function ownRecord<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  return Object.fromEntries(entries) as Record<string, T>;
}

/**
 * The value of a record's own property: `undefined` for a name only its prototype has
 * (`constructor`, `toString`, `__proto__`).
 *
 * @example
 * ownValue({ a: '1' }, 'a') // '1'
 * ownValue({ a: '1' }, 'constructor') // undefined
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
