/** Bundles each handler of src/handlers/ into dist/<name>/index.mjs and prints the sizes. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleLambdas, formatReports } from '@petstore/lambda-bundle/bundle';

const root = fileURLToPath(new URL('..', import.meta.url));
const handlers = readdirSync(`${root}src/handlers`).filter((file) => file.endsWith('.ts'));
const entries = Object.fromEntries(
  handlers.map((file) => [file.replace(/\.ts$/, ''), `src/handlers/${file}`]),
);

console.log(formatReports(await bundleLambdas(root, entries), 0));
