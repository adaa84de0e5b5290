/** What {@link within} gives when time ran out first. */
export const timedOut = Symbol('timed out');

/**
 * The promise's value, or {@link timedOut} if it takes longer than `ms` (the promise keeps
 * running, like a Lambda function API Gateway stopped waiting for).
 *
 * @example
 * const outcome = await within(runtime.invoke('ListPets', event), 29_000);
 * if (outcome === timedOut) // 504
 */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof timedOut> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof timedOut>((resolve) => {
    timer = setTimeout(() => resolve(timedOut), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
