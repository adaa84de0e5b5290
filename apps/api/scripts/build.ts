/** Bundles each handler of src/handlers/ into dist/<name>/index.mjs and prints the sizes. */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runBundleScript } from '@petstore/lambda-bundle/bundle';

const root = fileURLToPath(new URL('..', import.meta.url));
const handlers = readdirSync(`${root}src/handlers`).filter((file) => file.endsWith('.ts'));
const entries = Object.fromEntries(
  handlers.map((file) => [file.replace(/\.ts$/, ''), `src/handlers/${file}`]),
);

await runBundleScript(root, entries, 0);
