/**
 * Bundles the authorizer into dist/authorizer/index.mjs (`Handler: index.handler`) and prints
 * the bundle's size and its largest inputs (from esbuild's metafile).
 */
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const outfile = `${root}dist/authorizer/index.mjs`;

rmSync(`${root}dist`, { recursive: true, force: true });
const result = await build({
  entryPoints: [`${root}src/handler.ts`],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  minify: true,
  sourcemap: 'external',
  metafile: true,
  legalComments: 'none',
  // Some dependencies still call `require`; give the ESM bundle one of its own.
  banner: {
    js: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});

const output =
  result.metafile.outputs[
    Object.keys(result.metafile.outputs).find((path) => path.endsWith('.mjs')) ?? ''
  ];
const { readFileSync } = await import('node:fs');
const gzip = gzipSync(readFileSync(outfile)).byteLength;
console.log(`dist/authorizer/index.mjs ${kib(output?.bytes ?? 0)} (gzip ${kib(gzip)})`);

const byPackage = new Map<string, number>();
for (const [path, input] of Object.entries(output?.inputs ?? {})) {
  const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(
    path.replace(/.*\.pnpm\/[^/]+\//, ''),
  )?.[1];
  const key =
    name ??
    (path.includes('packages/')
      ? path.replace(/.*packages\/([^/]+).*/, '@petstore/$1')
      : 'authorizer');
  byPackage.set(key, (byPackage.get(key) ?? 0) + input.bytesInOutput);
}
for (const [name, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
  console.log(`  ${name.padEnd(32)} ${kib(bytes)}`);
}

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1).padStart(6)} KiB`;
}
