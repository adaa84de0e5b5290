/** Bundles the authorizer into dist/authorizer/index.mjs and prints its size and largest inputs. */
import { fileURLToPath } from 'node:url';
import { bundleLambdas, formatReports } from '@petstore/lambda-bundle/bundle';

const root = fileURLToPath(new URL('..', import.meta.url));
console.log(formatReports(await bundleLambdas(root, { authorizer: 'src/handler.ts' }), 8));
