import { resolve } from 'node:path';
import { type BuildContext, context as esbuildContext, type Plugin } from 'esbuild';
import type { FunctionModel } from '../template/model';

/** A function built with esbuild from its `Metadata`, rebuilt on change when watching. */
export interface FunctionBuild {
  readonly outDir: string;
  dispose(): Promise<void>;
}

/** The function's code could not be built. */
export class FunctionBuildError extends Error {
  override readonly name = 'FunctionBuildError';
  readonly code = 'FUNCTION_BUILD_FAILED';
}

/**
 * Bundles a function like `sam build` does for `BuildMethod: esbuild` into `outDir`; with
 * `onRebuild`, keeps watching the sources and calls it after each successful rebuild.
 *
 * @example
 * const build = await buildFunction(fn, '/tmp/gateway-build/Hello', () => pool.reload());
 * resolveHandler(build.outDir, fn.handler);
 */
export async function buildFunction(
  fn: FunctionModel,
  outDir: string,
  onRebuild?: (errors: readonly string[]) => void,
): Promise<FunctionBuild> {
  const build = fn.build;
  if (!build) throw new FunctionBuildError(`Function ${fn.logicalId} has no esbuild Metadata`);
  // The first build, and the one `watch()` starts with, are not changes.
  let builds = 0;
  const notify: Plugin = {
    name: 'gateway-rebuild',
    setup(builder) {
      builder.onEnd((result) => {
        builds += 1;
        if (builds > 2) onRebuild?.(result.errors.map((error) => error.text));
      });
    },
  };
  const context: BuildContext = await esbuildContext({
    entryPoints: build.entryPoints.map((entry) => resolve(fn.codeDir, entry)),
    absWorkingDir: fn.codeDir,
    bundle: true,
    platform: 'node',
    format: build.format,
    target: build.target,
    minify: build.minify,
    sourcemap: build.sourcemap,
    external: [...build.external],
    outExtension: { ...build.outExtension },
    banner: { ...build.banner },
    ...(build.mainFields ? { mainFields: [...build.mainFields] } : {}),
    outdir: outDir,
    logLevel: 'silent',
    plugins: [notify],
  });
  try {
    const result = await context.rebuild();
    if (result.errors.length > 0)
      throw new Error(result.errors.map((error) => error.text).join('; '));
  } catch (error) {
    await context.dispose();
    throw new FunctionBuildError(
      `Function ${fn.logicalId} does not build: ${(error as Error).message}`,
      { cause: error },
    );
  }
  if (onRebuild) await context.watch();
  return { outDir, dispose: () => context.dispose() };
}
