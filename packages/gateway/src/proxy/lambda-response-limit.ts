/**
 * Lambda's limit on a synchronous invocation's response: 6,291,556 bytes, as its error names it
 * ("Response payload size exceeded maximum allowed payload size (6291556 bytes).", quoted from
 * API Gateway's logs in DataBiosphere/azul issues 8192 and 8258). Lambda fails the invocation,
 * so API Gateway answers as for a failed function (AWS-BEHAVIOR.md P15).
 */
export const lambdaResponseBytes = 6_291_556;

/**
 * Lambda's own message when a function's answer (its JSON, as sent) is over the limit, or
 * `undefined` when it fits.
 *
 * @example
 * responseTooLarge('{"statusCode":200}') // undefined
 */
export function responseTooLarge(payload: string): string | undefined {
  if (payload.length <= lambdaResponseBytes / 3) return undefined; // at most 3 bytes a UTF-16 unit
  if (Buffer.byteLength(payload) <= lambdaResponseBytes) return undefined;
  return `Response payload size exceeded maximum allowed payload size (${lambdaResponseBytes} bytes).`;
}
