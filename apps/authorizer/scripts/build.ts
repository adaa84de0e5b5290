/** Bundles the authorizer into dist/authorizer/index.mjs and prints its size and largest inputs. */
import { fileURLToPath } from 'node:url';
import { runBundleScript } from '@petstore/lambda-bundle/bundle';

const root = fileURLToPath(new URL('..', import.meta.url));
await runBundleScript(root, { authorizer: 'src/handler.ts' }, 8);
