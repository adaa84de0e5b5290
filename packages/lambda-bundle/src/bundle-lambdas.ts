import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type BuildOptions, build, type Metafile } from 'esbuild';

export interface BundleReport {
  readonly name: string;
  /** e.g. `dist/get-pet/index.mjs`, relative to the package. */
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Bytes in the bundle per npm package (or `src`), largest first. */
  readonly inputs: readonly (readonly [string, number])[];
}

/**
 * How every Lambda function is bundled: ESM for the nodejs22.x runtime, minified, dependencies
 * inlined.
 */
const lambdaBuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
} as const satisfies BuildOptions;

export interface BundleOptions {
  /**
   * Give the ESM bundle a `require` (from `node:module`) for the CommonJS among its
   * dependencies: the AWS SDK still calls it. Default true; a bundle whose dependencies are all
   * ESM saves importing `node:module` at each cold start (a bundle that needs it and lacks it
   * fails with `Dynamic require of ... is not supported`).
   */
  readonly requireShim?: boolean;
}

function shim(options: BundleOptions): Pick<BuildOptions, 'banner'> {
  if (options.requireShim === false) return {};
  return {
    banner: {
      js: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);",
    },
  };
}

/**
 * Bundles each entry into `<packageRoot>/dist/<name>/index.mjs`, the artefact a template's
 * `CodeUri: .../dist/<name>` with `Handler: index.handler` deploys: ESM for the nodejs22.x
 * runtime, minified, dependencies (the AWS SDK included) inlined so the deployed versions are
 * the tested ones, source maps beside it (linked: the bundle ends with its `sourceMappingURL`). Bundles are rewritten in place (a running local
 * gateway watches their folders) and folders of entries that no longer exist are removed.
 *
 * @example
 * const reports = await bundleLambdas(packageRoot, { authorizer: 'src/handler.ts' });
 * console.log(formatReports(reports));
 */
export async function bundleLambdas(
  packageRoot: string,
  entries: Readonly<Record<string, string>>,
  options: BundleOptions = {},
): Promise<BundleReport[]> {
  removeStaleBundles(join(packageRoot, 'dist'), Object.keys(entries));
  const reports = await Promise.all(
    Object.entries(entries).map(async ([name, entry]) => {
      const file = `dist/${name}/index.mjs`;
      const { metafile } = await build({
        entryPoints: [join(packageRoot, entry)],
        outfile: join(packageRoot, file),
        ...lambdaBuildOptions,
        ...shim(options),
        // Linked: the bundle names its map, for Node's --enable-source-maps and for debuggers.
        sourcemap: 'linked',
        metafile: true,
      });
      const output = Object.entries(metafile.outputs).find(([path]) => path.endsWith('.mjs'))?.[1];
      return {
        name,
        file,
        bytes: output?.bytes ?? 0,
        gzipBytes: gzipSync(readFileSync(join(packageRoot, file))).byteLength,
        inputs: inputsByPackage(output),
      };
    }),
  );
  return reports.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The minified size of a module bundled as a Lambda function would be (with `options` as
 * {@link bundleLambdas} takes them), written nowhere: for
 * reference bundles (e.g. a library alone) next to the real ones. `source` is the entry's code,
 * its imports resolved from `resolveDir` (a package that depends on them).
 *
 * @example
 * await bundledBytes("export { jwtVerify } from 'jose';", authorizerRoot) // about 12 000
 */
export async function bundledBytes(
  source: string,
  resolveDir: string,
  options: BundleOptions = {},
): Promise<number> {
  const { outputFiles } = await build({
    stdin: { contents: source, resolveDir, loader: 'ts' },
    ...lambdaBuildOptions,
    ...shim(options),
    write: false,
  });
  return outputFiles.reduce((sum, file) => sum + file.contents.byteLength, 0);
}

/** One line per bundle (size and gzip size), then its largest inputs. */
export function formatReports(reports: readonly BundleReport[], inputsShown = 5): string {
  return reports
    .flatMap((report) => [
      `${report.file.padEnd(32)} ${kib(report.bytes)}  (gzip ${kib(report.gzipBytes)})`,
      ...report.inputs
        .slice(0, inputsShown)
        .map(([name, bytes]) => `    ${name.padEnd(34)} ${kib(bytes)}`),
    ])
    .join('\n');
}

function removeStaleBundles(dist: string, names: readonly string[]): void {
  if (!existsSync(dist)) return;
  for (const entry of readdirSync(dist, { withFileTypes: true })) {
    if (!names.includes(entry.name))
      rmSync(join(dist, entry.name), { recursive: true, force: true });
  }
}

function inputsByPackage(output: Metafile['outputs'][string] | undefined): [string, number][] {
  const byPackage = new Map<string, number>();
  for (const [path, input] of Object.entries(output?.inputs ?? {})) {
    const inModules = /.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
    const inWorkspace = /(?:^|\/)packages\/([^/]+)\//.exec(path)?.[1];
    const name = inModules ?? (inWorkspace ? `@petstore/${inWorkspace}` : 'src');
    byPackage.set(name, (byPackage.get(name) ?? 0) + input.bytesInOutput);
  }
  return [...byPackage].sort((a, b) => b[1] - a[1]);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1).padStart(7)} KiB`;
}

/**
 * A package's build script: bundles the entries and prints the sizes; when esbuild refuses the
 * code (it has printed each error, with its file, line and code frame), says so in one line and
 * ends the process with exit code 1, without a stack trace (an error in the code is expected;
 * where esbuild failed is not news). Anything else fails as it is.
 *
 * @example
 * await runBundleScript(root, { authorizer: 'src/handler.ts' }, 8);
 */
export async function runBundleScript(
  packageRoot: string,
  entries: Readonly<Record<string, string>>,
  inputsShown?: number,
  options: BundleOptions = {},
): Promise<void> {
  try {
    console.log(formatReports(await bundleLambdas(packageRoot, entries, options), inputsShown));
  } catch (error) {
    const errors = (error as { errors?: unknown }).errors;
    if (!Array.isArray(errors)) throw error;
    console.error(
      `Bundling failed: ${errors.length} error${errors.length === 1 ? '' : 's'} (above).`,
    );
    process.exitCode = 1;
  }
}
