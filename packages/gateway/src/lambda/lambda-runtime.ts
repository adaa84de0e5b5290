import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FunctionModel } from '../template/model';
import { FunctionHost, type FunctionHostOptions } from './function-host';
import type { InvokeOutcome } from './invoke-outcome';

/**
 * Every function the API uses, each in its own pool of worker-thread execution environments.
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
  ) {}

  static async start(
    functions: ReadonlyMap<string, FunctionModel>,
    options: Omit<FunctionHostOptions, 'buildRoot'>,
  ): Promise<LambdaRuntime> {
    const buildRoot = await mkdtemp(join(tmpdir(), 'gateway-build-'));
    const started = await Promise.allSettled(
      [...functions.values()].map((fn) => FunctionHost.start(fn, { ...options, buildRoot })),
    );
    const hosts = started.flatMap((result) =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) {
      await Promise.all(hosts.map((host) => host.close()));
      await rm(buildRoot, { recursive: true, force: true });
      throw failure.reason;
    }
    return new LambdaRuntime(new Map(hosts.map((host) => [host.model.logicalId, host])), buildRoot);
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
  }
}
