/**
 * Prints the gzip size of what the built app loads first (dist/index.html's entry script, the
 * modules it preloads, its stylesheets) and fails when the JavaScript is over the budget.
 * Runs after `vite build` (`pnpm --filter @petstore/web build`). Chunks loaded on demand are
 * listed too, outside the budget.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { initialJsBudgetBytes as budgetBytes, initialAssets } from '../src/bundle/initial-assets';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const { scripts, styles } = initialAssets(readFileSync(`${dist}index.html`, 'utf8'));
const sizeOf = (path: string) => {
  const bytes = readFileSync(`${dist}${path}`);
  return { path, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
};
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

const js = scripts.map(sizeOf);
const css = styles.map(sizeOf);
const totalJs = js.reduce((sum, file) => sum + file.gzip, 0);
for (const file of [...js, ...css]) {
  console.log(
    `${file.path.padEnd(36)} ${kb(file.raw).padStart(9)}  gzip ${kb(file.gzip).padStart(8)}`,
  );
}
console.log(`Initial JavaScript: ${kb(totalJs)} gzip (budget ${kb(budgetBytes)}).`);
// Chunks loaded on demand (IAM mode's signer and STS client), outside the budget.
const initial = new Set(js.map((file) => file.path));
const later = readdirSync(`${dist}assets`)
  .map((name) => `assets/${name}`)
  .filter((path) => path.endsWith('.js') && !initial.has(path))
  .map(sizeOf);
for (const file of later) {
  console.log(
    `${file.path.padEnd(36)} ${kb(file.raw).padStart(9)}  gzip ${kb(file.gzip).padStart(8)}  (loaded on demand)`,
  );
}
if (js.length === 0) {
  console.error('No entry script found in dist/index.html.');
  process.exit(1);
}
if (totalJs > budgetBytes) {
  console.error(`Over budget by ${kb(totalJs - budgetBytes)}.`);
  process.exit(1);
}
