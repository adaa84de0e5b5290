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
}

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
  ) {}

  static async start(fn: FunctionModel, options: FunctionHostOptions): Promise<FunctionHost> {
    const { logger } = options;
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
        },
        generation,
      );
    };
    const size = Math.max(
      1,
      Math.min(options.maxConcurrency, fn.reservedConcurrency ?? Number.POSITIVE_INFINITY),
    );
    const pool = new FunctionPool(spawn, size, fn.reservedConcurrency);
    reload = () => {
      pool.reload();
      logger.info(`Function ${fn.logicalId} reloaded: its code changed`);
    };
    const unwatch = options.watch && !build ? watchCode(codeDir, reload) : () => {};
    return new FunctionHost(fn, pool, async () => {
      unwatch();
      await build?.dispose();
      await pool.close();
    });
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
    return this.pool.invoke(JSON.stringify(event), context, fn.timeoutSeconds * 1000);
  }

  close(): Promise<void> {
    return this.stop();
  }
}
