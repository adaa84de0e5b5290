/**
 * IAM resource matching (AWS-BEHAVIOR A8): `*` is any run of characters, `/` included,
 * `?` exactly one character, and the whole subject must match.
 *
 * @example
 * globMatches('GET/pets/*', 'GET/pets/7/purchase') // true
 */
export function globMatches(pattern: string, subject: string): boolean {
  const body = Array.from(pattern, (char) => {
    if (char === '*') return '.*';
    if (char === '?') return '.';
    return char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }).join('');
  return new RegExp(`^${body}$`, 's').test(subject);
}
