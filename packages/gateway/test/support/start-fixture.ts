import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccessLogEntry, FunctionLogLine, GatewayLogger } from '../../src/logger';
import { type Gateway, type GatewayOptions, startGateway } from '../../src/start-gateway';

export const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** A gateway on a fixture template, with its log and the events its authorizer received. */
export interface FixtureGateway {
  readonly gateway: Gateway;
  readonly access: AccessLogEntry[];
  readonly messages: string[];
  /** What the functions wrote (their console), oldest first. */
  readonly functionLogs: FunctionLogLine[];
  /** The next log message matching `pattern` (from now on). */
  nextMessage(pattern: RegExp): Promise<string>;
  /** The events the fixture authorizer was invoked with, oldest first. */
  authorizerCalls(): Promise<{ type: string; authorizationToken: string; methodArn: string }[]>;
  /** `fetch` relative to the gateway, with `Authorization: Bearer <token>` when `token` is given. */
  call(path: string, init?: RequestInit & { token?: string }): Promise<Response>;
  /** The JSON body of a call to the echo function: the event, context and env it got. */
  echo(path: string, init?: RequestInit & { token?: string }): Promise<EchoBody>;
  close(): Promise<void>;
}

export interface EchoBody {
  // biome-ignore lint/suspicious/noExplicitAny: the event is checked field by field in tests
  readonly event: any;
  readonly calls: number;
  readonly context: Record<string, unknown>;
  readonly env: Record<string, string>;
  readonly polluted: boolean | null;
}

/**
 * Starts a gateway on `test/fixtures/<name>/template.yaml`; the fixture authorizer records its
 * events in a temporary file.
 *
 * @example
 * const fixture = await startFixture('petstore', { clock: () => now });
 * const response = await fixture.call('/pets', { token: 'allow-all' });
 */
export async function startFixture(
  name: string,
  options: Partial<GatewayOptions> = {},
): Promise<FixtureGateway> {
  const dir = await mkdtemp(join(tmpdir(), 'gateway-test-'));
  const callsFile = join(dir, 'authorizer-calls.jsonl');
  const access: AccessLogEntry[] = [];
  const messages: string[] = [];
  const functionLogs: FunctionLogLine[] = [];
  const waiters: { pattern: RegExp; resolve: (message: string) => void }[] = [];
  const log = (message: string) => {
    messages.push(message);
    for (const waiter of waiters.filter((w) => w.pattern.test(message))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(message);
    }
  };
  const logger: GatewayLogger = {
    access: (entry) => access.push(entry),
    functionLog: (line) => functionLogs.push(line),
    info: log,
    warn: (message) => log(`warning: ${message}`),
    error: (message) => log(`error: ${message}`),
  };
  const gateway = await startGateway({
    templatePath: join(fixtures, name, 'template.yaml'),
    logger,
    ...options,
    environment: { AuthorizerFunction: { CALLS_FILE: callsFile }, ...options.environment },
  });
  const call = (path: string, init: RequestInit & { token?: string } = {}) => {
    const { token, headers, ...rest } = init;
    const all = new Headers(headers);
    if (token !== undefined) all.set('Authorization', `Bearer ${token}`);
    return fetch(`${gateway.url}${path}`, { ...rest, headers: all });
  };
  return {
    gateway,
    access,
    messages,
    functionLogs,
    nextMessage: (pattern) => new Promise((resolve) => waiters.push({ pattern, resolve })),
    call,
    echo: async (path, init) => (await (await call(path, init)).json()) as EchoBody,
    authorizerCalls: async () => {
      const text = await readFile(callsFile, 'utf8').catch(() => '');
      return text
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line));
    },
    close: async () => {
      await gateway.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
