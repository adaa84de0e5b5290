import type { StsParameters } from './sts-request';

/**
 * The Query protocol's parameters: those of the query string, then those of a form-encoded body
 * (STS accepts both; a name given twice keeps its first value).
 *
 * @example
 * readParameters('Action=GetCallerIdentity', new TextEncoder().encode('Version=2011-06-15'), undefined)
 * // Map { 'Action' => 'GetCallerIdentity', 'Version' => '2011-06-15' }
 */
export function readParameters(
  rawQuery: string,
  body: Uint8Array,
  contentType: string | undefined,
): StsParameters {
  const parameters = new Map<string, string>();
  const add = (source: string) => {
    for (const [name, value] of new URLSearchParams(source)) {
      if (!parameters.has(name)) parameters.set(name, value);
    }
  };
  add(rawQuery);
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (
    body.length > 0 &&
    (mediaType === undefined || mediaType === 'application/x-www-form-urlencoded')
  )
    add(new TextDecoder().decode(body));
  return parameters;
}
