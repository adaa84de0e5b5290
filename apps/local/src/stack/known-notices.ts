/**
 * oidc-provider 9 warns, in bold red, when it is imported on a Node.js before 22 ("Unsupported
 * runtime"): the project runs on Node.js 20 by decision (the README's toolchain notes, where the
 * difference is stated once), and the start says it once, calmly (the gateway's Runtime note).
 */
const unsupportedRuntime = 'oidc-provider WARNING: Unsupported runtime.';

/**
 * Imports a module with oidc-provider's runtime warning left out (only that line; every other
 * warning passes).
 *
 * @example
 * const { startStack } = await quietImport(() => import('./start-stack'));
 */
export async function quietImport<T>(load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes(unsupportedRuntime)) return;
    warn(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}
