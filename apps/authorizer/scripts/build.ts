/** Bundles the authorizer into dist/authorizer/index.mjs and prints its size and largest inputs. */
import { fileURLToPath } from 'node:url';
import { runBundleScript } from '@petstore/lambda-bundle/bundle';

const root = fileURLToPath(new URL('..', import.meta.url));
// jose and our code are ESM through and through: no `require` to provide (saves a cold start
// importing node:module; test/bundle.test.ts runs the bundle in plain Node).
await runBundleScript(root, { authorizer: 'src/handler.ts' }, 8, { requireShim: false });
