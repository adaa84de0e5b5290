import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readTemplate } from '@petstore/gateway/template';
import { initialAssets, initialJsBudgetBytes } from '@petstore/web/initial-assets';
import { repoRoot, templatePath } from '../src/config/repo-paths';
import { localIdentity } from '../src/iam/local-iam-settings';
import { localParameters } from '../src/stack/template-settings';
import type { BundleMeasurement, SpaMeasurement } from './measurements';

/** Loopback stand-ins for the stack's endpoints: importing a bundle reaches none of them. */
const endpoints = {
  issuer: 'http://127.0.0.1:9/',
  jwksUri: 'http://127.0.0.1:9/jwks',
  audience: 'https://api.petstore.local',
  spaClientId: 'petstore-spa',
  m2mClientId: 'petstore-m2m',
  webOrigin: 'http://127.0.0.1:9',
  dynamoEndpoint: 'http://127.0.0.1:9',
};

const importOnce = `
  const nodeReadyMs = performance.now();
  await import(process.argv[1]);
  process.stdout.write(JSON.stringify({ nodeReadyMs, importedMs: performance.now() }));`;

/**
 * Every Lambda bundle the template deploys (one per `CodeUri` folder, `index.mjs`): its size,
 * gzip size, and `runs` imports in fresh `node` processes with the function's environment as
 * the template sets it (the local stack's parameters, loopback endpoints that are never called).
 * Build first (`pnpm build`).
 *
 * @example
 * const bundles = await measureLambdaBundles(5);
 * bundles[0].file // 'apps/api/dist/create-pet/index.mjs'
 */
export async function measureLambdaBundles(runs: number): Promise<BundleMeasurement[]> {
  const model = await readTemplate(templatePath, {
    parameters: localParameters(endpoints),
    identity: localIdentity,
  });
  const byFolder = new Map<string, { functions: string[]; env: Record<string, string> }>();
  for (const fn of model.functions.values()) {
    const folder = byFolder.get(fn.codeDir) ?? { functions: [], env: { ...fn.environment } };
    folder.functions.push(fn.logicalId);
    byFolder.set(fn.codeDir, folder);
  }
  const measured: BundleMeasurement[] = [];
  for (const [codeDir, { functions, env }] of [...byFolder].sort(([a], [b]) =>
    a.localeCompare(b),
  )) {
    const file = join(codeDir, 'index.mjs');
    const code = readFileSync(file);
    const imports: BundleMeasurement['imports'][number][] = [];
    for (let run = 0; run < runs; run++) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', importOnce, file],
        {
          env: {
            PATH: process.env.PATH ?? '',
            AWS_REGION: localIdentity.region,
            AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
            ...env,
          },
        },
      );
      imports.push(JSON.parse(stdout) as BundleMeasurement['imports'][number]);
    }
    measured.push({
      file: relative(repoRoot, file),
      functions,
      bytes: code.byteLength,
      gzipBytes: gzipSync(code).byteLength,
      imports,
    });
  }
  return measured;
}

/**
 * The SPA's initial JavaScript as `apps/web`'s build checks it: the scripts `dist/index.html`
 * loads first, gzip at level 9, next to the build's budget. Build first (`pnpm build`).
 *
 * @example
 * measureSpa().gzipBytes // 97_600
 */
export function measureSpa(): SpaMeasurement {
  const dist = join(repoRoot, 'apps/web/dist');
  const { scripts } = initialAssets(readFileSync(join(dist, 'index.html'), 'utf8'));
  const gzipBytes = scripts.reduce(
    (sum, script) => sum + gzipSync(readFileSync(join(dist, script)), { level: 9 }).byteLength,
    0,
  );
  return { scripts, gzipBytes, budgetBytes: initialJsBudgetBytes };
}
