const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `requestContext.requestTime` in API Gateway's CLF format.
 *
 * @example
 * requestTime(Date.UTC(2026, 10, 21, 5, 23, 59)) // '21/Nov/2026:05:23:59 +0000'
 */
export function requestTime(epochMs: number): string {
  const date = new Date(epochMs);
  const two = (value: number) => String(value).padStart(2, '0');
  const day = two(date.getUTCDate());
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${time} +0000`;
}
