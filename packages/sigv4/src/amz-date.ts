const basic = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Reads an `X-Amz-Date` (ISO 8601 basic format, UTC, whole seconds) as epoch milliseconds;
 * `undefined` when it is not one, or not a real date.
 *
 * @example
 * parseAmzDate('20261121T101500Z') // 1795256100000
 */
export function parseAmzDate(value: string): number | undefined {
  const match = basic.exec(value);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  const time = Date.UTC(year ?? 0, (month ?? 0) - 1, day, hour, minute, second);
  return formatAmzDate(time) === value ? time : undefined;
}

/**
 * Epoch milliseconds as an `X-Amz-Date` (seconds truncated).
 *
 * @example
 * formatAmzDate(Date.UTC(2026, 10, 21, 10, 15, 0, 999)) // '20261121T101500Z'
 */
export function formatAmzDate(time: number): string {
  return new Date(time)
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}
