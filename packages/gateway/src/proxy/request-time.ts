const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * `requestContext.requestTime` in API Gateway's CLF format.
 *
 * @example
 * requestTime(Date.UTC(2026, 10, 21, 5, 23, 59)) // '21/Nov/2026:05:23:59 +0000'
 */
/** The last second formatted: requests of the same second share it. */
let last = { second: Number.NaN, text: '' };

export function requestTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second === last.second) return last.text;
  const text = formatted(epochMs);
  last = { second, text };
  return text;
}

function formatted(epochMs: number): string {
  const date = new Date(epochMs);
  const two = (value: number) => String(value).padStart(2, '0');
  const day = two(date.getUTCDate());
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${day}/${months[date.getUTCMonth()]}/${date.getUTCFullYear()}:${time} +0000`;
}
