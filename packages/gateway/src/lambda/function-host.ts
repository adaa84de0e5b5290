import { join } from 'node:path';
import type { GatewayLogger } from '../logger';
import type { LocalIdentity } from '../template/local-identity';
import type { FunctionModel } from '../template/model';
import { buildFunction, type FunctionBuild } from './build-function';
import { FunctionPool } from './function-pool';
import type { InvokeContextData, InvokeOutcome } from './invoke-outcome';
import { type EnvironmentOverrides, lambdaEnvironment } from './lambda-environment';
import { LambdaWorker } from './lambda-worker';
import { resolveHandler } from './resolve-handler';
import { watchCode } from './watch-code';

export interface FunctionHostOptions {
  readonly identity: LocalIdentity;
  readonly overrides: EnvironmentOverrides;
  /** Most execution environments at once (lowered by `ReservedConcurrentExecutions`). */
  readonly maxConcurrency: number;
  readonly watch: boolean;
  /** Where esbuild-built functions are written. */
  readonly buildRoot: string;
  readonly logger: GatewayLogger;
  /**
   * A debugger for this function: its one execution environment (always started, before any
   * call) opens its own inspector there, and no timeout ends a call paused at a breakpoint.
   */
  readonly inspect?: { readonly host: string; readonly port: number } | undefined;
}

/** The longest a timer waits (2^31 - 1 ms, about 24 days): "no timeout" for a debugged call. */
export const noTimeoutMs = 2 ** 31 - 1;

/**
 * One function of the template, ready to invoke: its code (built first when it has esbuild
 * `Metadata`), a bounded pool of execution environments (throttled past the function's
 * `ReservedConcurrentExecutions`), and, when watching, a reload of those environments whenever
 * the built code changes.
 *
 * @example
 * const host = await FunctionHost.start(fn, options);
 * const outcome = await host.invoke({ type: 'TOKEN', authorizationToken: 'Bearer x', methodArn });
 */
export class FunctionHost {
  private constructor(
    readonly model: FunctionModel,
    private readonly pool: FunctionPool,
    private readonly stop: () => Promise<void>,
    private readonly timeoutMs: number,
  ) {}

  static async start(fn: FunctionModel, options: FunctionHostOptions): Promise<FunctionHost> {
    const { logger, inspect } = options;
    let reload = () => {};
    let build: FunctionBuild | undefined;
    if (fn.build) {
      build = await buildFunction(
        fn,
        join(options.buildRoot, fn.logicalId),
        options.watch
          ? (errors) => {
              if (errors.length > 0)
                logger.error(`Function ${fn.logicalId} does not build: ${errors.join('; ')}`);
              else reload();
            }
          : undefined,
      );
    }
    const codeDir = build?.outDir ?? fn.codeDir;
    if (!resolveHandler(codeDir, fn.handler).file) {
      logger.warn(
        `Function ${fn.logicalId}: no file for Handler ${fn.handler} in ${codeDir} (build it first); calls fail until it exists`,
      );
    }
    const sourceMaps =
      fn.build?.sourcemap === true ||
      /--enable-source-maps/.test(fn.environment.NODE_OPTIONS ?? '');
    const spawn = (generation: number) => {
      const { file, exportPath } = resolveHandler(codeDir, fn.handler);
      const env = lambdaEnvironment(fn, options.identity, options.overrides, codeDir);
      return new LambdaWorker(
        {
          handlerFile: file,
          handlerPath: exportPath,
          env,
          sourceMaps,
          memoryMb: fn.memorySize,
          runtime: fn.runtime,
          taskRoot: codeDir,
          inspect,
          onLog: (line) => logger.functionLog({ functionId: fn.logicalId, ...line }),
          onInspector: (outcome) => {
            const at = `${inspect?.host}:${inspect?.port}`;
            if ('url' in outcome) logger.info(`Function ${fn.logicalId}: debugger at ${at}`);
            else logger.warn(`Function ${fn.logicalId}: no debugger at ${at}: ${outcome.error}`);
          },
        },
        generation,
      );
    };
    // A debugged function has one environment: its inspector's port is its own.
    const size = inspect
      ? 1
      : Math.max(
          1,
          Math.min(options.maxConcurrency, fn.reservedConcurrency ?? Number.POSITIVE_INFINITY),
        );
    const pool = new FunctionPool(spawn, size, fn.reservedConcurrency, inspect !== undefined);
    if (inspect) pool.warmUp();
    reload = () => {
      pool.reload();
      logger.info(`Function ${fn.logicalId} reloaded: its code changed`);
    };
    const unwatch = options.watch && !build ? watchCode(codeDir, reload) : () => {};
    return new FunctionHost(
      fn,
      pool,
      async () => {
        unwatch();
        await build?.dispose();
        await pool.close();
      },
      inspect ? noTimeoutMs : fn.timeoutSeconds * 1000,
    );
  }

  get stats(): { readonly size: number; readonly peakSize: number; readonly maxSize: number } {
    return { ...this.pool.stats, maxSize: this.pool.maxSize };
  }

  invoke(event: unknown): Promise<InvokeOutcome> {
    const fn = this.model;
    const context: InvokeContextData = {
      awsRequestId: crypto.randomUUID(),
      invokedFunctionArn: fn.arn,
    };
    return this.pool.invoke(JSON.stringify(event), context, this.timeoutMs);
  }

  close(): Promise<void> {
    return this.stop();
  }
}
