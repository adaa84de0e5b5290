import { readFileSync } from 'node:fs';

/**
 * The ports of the stack the suite starts (`pnpm start --memory --no-watch`), away from a
 * developer's running stack: each port of the stack's own table (apps/local's
 * `src/config/local-ports.json`, read here at run time: this package cannot depend on
 * @petstore/local, which depends on it) moved up by 100 (3000 -> 3100, 9000 -> 9100, ...). Each
 * can be moved with E2E_<VARIABLE>, e.g. E2E_API_PORT. A port added to the stack's table is set
 * here without a change.
 */
const portTableUrl = new URL('../../../local/src/config/local-ports.json', import.meta.url);

/** How far the suite's ports are from the stack's defaults. */
export const e2ePortOffset = 100;

interface PortEntry {
  readonly variable: string;
  readonly default: number;
}

function readPortTable(): ReadonlyMap<string, PortEntry> {
  const table: unknown = JSON.parse(readFileSync(portTableUrl, 'utf8'));
  const entries = new Map<string, PortEntry>();
  for (const [name, entry] of Object.entries(table as Record<string, unknown>)) {
    const { variable, default: fallback } = (entry ?? {}) as Partial<Record<string, unknown>>;
    if (typeof variable !== 'string' || !Number.isInteger(fallback)) {
      throw new Error(`${portTableUrl.pathname}: port "${name}" needs a variable and a default`);
    }
    entries.set(name, { variable, default: fallback as number });
  }
  return entries;
}

function e2ePort({ variable, default: fallback }: PortEntry): number {
  const override = process.env[`E2E_${variable}`];
  if (!override) return fallback + e2ePortOffset;
  const port = Number(override);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`E2E_${variable} must be a port number, not "${override}"`);
  }
  return port;
}

const portTable = readPortTable();

/** The suite's port for each of the stack's ports, by the table's names (`api`, `web`, ...). */
export const stackPorts: ReadonlyMap<string, number> = new Map(
  [...portTable].map(([name, entry]) => [name, e2ePort(entry)]),
);

function url(name: string): string {
  const port = stackPorts.get(name);
  if (port === undefined) throw new Error(`The stack's port table has no port "${name}"`);
  return `http://127.0.0.1:${port}`;
}

export const stack = {
  webUrl: url('web'),
  apiUrl: url('api'),
  iamApiUrl: url('iamApi'),
  stsUrl: url('sts'),
  issuer: url('idp'),
} as const;

/** The environment `pnpm start` reads its ports from (the SPA in token mode): every port of its table. */
export const stackEnvironment: Readonly<Record<string, string>> = Object.fromEntries(
  [...portTable].map(([name, { variable }]) => [variable, String(stackPorts.get(name))]),
);

/** The same stack with the SPA in IAM mode: SigV4-signed calls to the IAM API, credentials from the STS. */
export const iamStackEnvironment: Readonly<Record<string, string>> = {
  ...stackEnvironment,
  WEB_API_MODE: 'iam',
};
