const cache = new Map<string, RegExp>();

/**
 * Whether `value` matches an IAM wildcard pattern as a whole: `*` any run of characters
 * (`/` and `:` included), `?` exactly one; every other character is literal.
 *
 * @example
 * wildcardMatches('execute-api:*', 'execute-api:Invoke') // true
 * wildcardMatches('EXECUTE-API:invoke', 'execute-api:Invoke', { ignoreCase: true }) // true
 */
export function wildcardMatches(
  pattern: string,
  value: string,
  options: { readonly ignoreCase?: boolean } = {},
): boolean {
  const flags = options.ignoreCase ? 'si' : 's';
  const cacheKey = `${flags} ${pattern}`;
  let compiled = cache.get(cacheKey);
  if (!compiled) {
    const body = Array.from(pattern, (char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    }).join('');
    compiled = new RegExp(`^${body}$`, flags);
    if (cache.size > 1000) cache.clear();
    cache.set(cacheKey, compiled);
  }
  return compiled.test(value);
}

/**
 * Whether an IAM resource pattern matches an ARN (A8): `*` matches any run of characters,
 * `/` included, `?` exactly one; the pattern must match the whole ARN, case-sensitively.
 *
 * @example
 * arnMatches('arn:aws:execute-api:*:*:abc123/prod/GET/pets/*', 'arn:aws:execute-api:us-east-1:1:abc123/prod/GET/pets/7') // true
 */
export function arnMatches(pattern: string, arn: string): boolean {
  return wildcardMatches(pattern, arn);
}
