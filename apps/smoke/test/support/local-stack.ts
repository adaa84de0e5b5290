// The local stack the smoke check is measured against, started as apps/local's own tests start
// it (its test support, read from there: one way to start a stack and read its banner).
import { portIsFree } from '../../../local/src/config/assert-ports-free';
import { portVariables } from '../../../local/src/config/local-config';
import { type StackProcess, startStackProcess } from '../../../local/test/support/stack-process';
import { bannerApiKey, tokenFor } from '../../../local/test/support/tokens';

export type { StackProcess } from '../../../local/test/support/stack-process';

/**
 * This package's own ports, away from the stack's defaults (3000-3002, 5173, 8000, 9000-9001),
 * the end-to-end suite's (those plus 100) and the range apps/local's tests draw from
 * (20000-31999), so that its tests and theirs can run at the same time.
 */
const range = { lowest: 6000, count: 1000 } as const;

/** Ports for every port the stack reads, consecutive, free a moment ago, within {@link range}. */
async function smokePorts(): Promise<Record<keyof typeof portVariables, number>> {
  const names = Object.keys(portVariables) as (keyof typeof portVariables)[];
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const base = range.lowest + Math.floor(Math.random() * (range.count - names.length));
    const ports = names.map((_, index) => base + index);
    const free = await Promise.all(ports.map((port) => portIsFree('127.0.0.1', port)));
    if (free.every(Boolean)) {
      return Object.fromEntries(names.map((name, index) => [name, base + index])) as Record<
        keyof typeof portVariables,
        number
      >;
    }
  }
  throw new Error(`No ${names.length} free ports in a row from ${range.lowest}`);
}

/** A running local stack with real users' tokens from its identity provider, and its API key. */
export interface SmokeStack {
  readonly stack: StackProcess;
  readonly tokens: { readonly admin: string; readonly buyer: string; readonly otherBuyer: string };
  readonly apiKey: string;
}

/**
 * Starts `pnpm start --memory --no-watch` on this package's ports and gets the tokens a user of
 * `pnpm smoke` would bring: an admin (database connection), a buyer and a second buyer (social),
 * through the dev-idp's real sign-in flows.
 *
 * @example
 * const { stack, tokens, apiKey } = await startSmokeStack();
 */
export async function startSmokeStack(): Promise<SmokeStack> {
  const stack = await startStackProcess({ ports: await smokePorts() });
  try {
    return {
      stack,
      tokens: {
        admin: await tokenFor(stack, 'admin'),
        buyer: await tokenFor(stack, 'buyer'),
        otherBuyer: await tokenFor(stack, 'buyer', {
          connection: 'social',
          name: 'Otto Other',
          email: 'otto.other@example.com',
        }),
      },
      apiKey: bannerApiKey(stack),
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}
