import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GatewayOptionsError } from '../errors';
import type { FunctionModel } from '../template/model';
import { FunctionHost, type FunctionHostOptions } from './function-host';
import type { InvokeOutcome } from './invoke-outcome';
import { lambdaEnvironment } from './lambda-environment';
import { holdProcessTimeZone } from './process-time-zone';

/** Where the debugger of each function listens (the gateway's `inspect` option). */
export interface FunctionInspector {
  readonly functionId: string;
  readonly host: string;
  readonly port: number;
}

/** Runtime options: the hosts' (but the build folder), and the first debugger port. */
export type RuntimeOptions = Omit<FunctionHostOptions, 'buildRoot' | 'inspect'> & {
  /** Each function gets a debugger: `port` the first one's, the next ports the others', in order. */
  readonly inspect?: { readonly host: string; readonly port: number } | undefined;
};

/**
 * Where each function's debugger listens with `inspect`: the functions in order, from its port
 * up.
 *
 * @example
 * inspectorPorts(['ListPets', 'GetPet'], { host: '127.0.0.1', port: 9229 })
 * // [{ functionId: 'ListPets', host: '127.0.0.1', port: 9229 }, { functionId: 'GetPet', ..., port: 9230 }]
 */
export function inspectorPorts(
  functionIds: readonly string[],
  inspect: RuntimeOptions['inspect'],
): FunctionInspector[] {
  if (!inspect) return [];
  return functionIds.map((functionId, index) => ({
    functionId,
    host: inspect.host,
    port: inspect.port + index,
  }));
}

/**
 * Every function the API uses, each in its own pool of worker-thread execution environments,
 * the process in the functions' time zone (F1) while it runs.
 *
 * @example
 * const runtime = await LambdaRuntime.start(model.functions, options);
 * await runtime.invoke('ListPets', event);
 * await runtime.close();
 */
export class LambdaRuntime {
  private constructor(
    private readonly hosts: ReadonlyMap<string, FunctionHost>,
    private readonly buildRoot: string,
    private readonly releaseTimeZone: () => void,
  ) {}

  static async start(
    functions: ReadonlyMap<string, FunctionModel>,
    options: RuntimeOptions,
  ): Promise<LambdaRuntime> {
    const releaseTimeZone = holdProcessTimeZone(timeZoneOf(functions, options));
    const buildRoot = await mkdtemp(join(tmpdir(), 'gateway-build-'));
    const inspectors = new Map(
      inspectorPorts([...functions.keys()], options.inspect).map((at) => [at.functionId, at]),
    );
    const started = await Promise.allSettled(
      [...functions.values()].map((fn) => {
        const at = inspectors.get(fn.logicalId);
        return FunctionHost.start(fn, {
          ...options,
          buildRoot,
          inspect: at && { host: at.host, port: at.port },
        });
      }),
    );
    const hosts = started.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) {
      await Promise.all(hosts.map((host) => host.close()));
      await rm(buildRoot, { recursive: true, force: true });
      releaseTimeZone();
      throw failure.reason;
    }
    const served = new Map(hosts.map((host) => [host.model.logicalId, host]));
    return new LambdaRuntime(served, buildRoot, releaseTimeZone);
  }

  invoke(functionId: string, event: unknown): Promise<InvokeOutcome> {
    const host = this.hosts.get(functionId);
    if (!host) throw new Error(`No function ${functionId} is served`);
    return host.invoke(event);
  }

  /** Pool sizes per function (for tests and diagnostics). */
  stats(functionId: string): FunctionHost['stats'] | undefined {
    return this.hosts.get(functionId)?.stats;
  }

  async close(): Promise<void> {
    await Promise.all([...this.hosts.values()].map((host) => host.close()));
    await rm(this.buildRoot, { recursive: true, force: true });
    this.releaseTimeZone();
  }
}

/**
 * The one time zone the functions run in: `TZ` of their environments (`:UTC` unless the
 * template or an override sets it). Functions that disagree cannot share a process.
 */
function timeZoneOf(
  functions: ReadonlyMap<string, FunctionModel>,
  options: RuntimeOptions,
): string {
  const zones = new Map<string, string[]>();
  for (const fn of functions.values()) {
    const zone = lambdaEnvironment(fn, options.identity, options.overrides, fn.codeDir).TZ ?? '';
    zones.set(zone, [...(zones.get(zone) ?? []), fn.logicalId]);
  }
  if (zones.size > 1) {
    const list = [...zones].map(([zone, ids]) => `${ids.join(', ')}: TZ=${zone}`).join('; ');
    throw new GatewayOptionsError(
      `The functions need different time zones (${list}), but Node.js has one time zone per process: serve them from separate gateways`,
    );
  }
  return [...zones.keys()][0] ?? ':UTC';
}
