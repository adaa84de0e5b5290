/**
 * Whether a `Content-Type` / `Accept` value matches one of the API's `BinaryMediaTypes`
 * (`image/png`, `image/*`, `*\/*`).
 *
 * @example
 * matchesBinaryMediaType('image/png; q=0.9', ['image/*']) // true
 */
export function matchesBinaryMediaType(
  header: string | undefined,
  binaryMediaTypes: readonly string[],
): boolean {
  if (!header || binaryMediaTypes.length === 0) return false;
  return header.split(',').some((part) => {
    const [type = '', subtype = ''] = (part.split(';')[0] ?? '').trim().toLowerCase().split('/');
    return binaryMediaTypes.some((pattern) => {
      const [wantedType, wantedSubtype] = pattern.toLowerCase().split('/');
      return (
        (wantedType === '*' || wantedType === type) &&
        (wantedSubtype === '*' || wantedSubtype === subtype)
      );
    });
  });
}
