/**
 * Bundles each handler in src/handlers/ into dist/<name>/index.mjs (one Lambda artefact per
 * operation, `Handler: index.handler`) and prints each bundle's size.
 */
import { readdirSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const handlers = readdirSync(`${root}src/handlers`).filter((file) => file.endsWith('.ts'));

rmSync(`${root}dist`, { recursive: true, force: true });
const sizes = await Promise.all(
  handlers.map(async (file) => {
    const name = basename(file, '.ts');
    const result = await build({
      entryPoints: [`${root}src/handlers/${file}`],
      outfile: `${root}dist/${name}/index.mjs`,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'esm',
      minify: true,
      sourcemap: 'external',
      metafile: true,
      legalComments: 'none',
      // The AWS SDK still has CommonJS inside; give the ESM bundle a `require` of its own.
      banner: {
        js: "import{createRequire}from'node:module';const require=createRequire(import.meta.url);",
      },
      logLevel: 'warning',
    });
    const output = Object.entries(result.metafile.outputs).find(([path]) => path.endsWith('.mjs'));
    return { name, bytes: output?.[1].bytes ?? 0 };
  }),
);

for (const { name, bytes } of sizes.sort((a, b) => a.name.localeCompare(b.name))) {
  console.log(`${name.padEnd(14)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB`);
}
