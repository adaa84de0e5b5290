// How much memory anonymous large bodies cost the gateway: 8 concurrent 10 MB POSTs to an unknown
// route, sent from another process, while this one samples its own memory every 5 ms.
// Run: pnpm --filter @petstore/gateway bench:body-memory
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startGateway } from '../src/start-gateway';

const run = promisify(execFile);
const gateway = await startGateway({
  templatePath: fileURLToPath(new URL('../test/fixtures/petstore/template.yaml', import.meta.url)),
  logger: { access: () => {}, info: () => {}, warn: () => {} },
});
const base = process.memoryUsage();
const peak = { rss: base.rss, arrayBuffers: base.arrayBuffers };
const sampler = setInterval(() => {
  const now = process.memoryUsage();
  peak.rss = Math.max(peak.rss, now.rss);
  peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
}, 5);
const client = fileURLToPath(new URL('./body-memory-client.mjs', import.meta.url));
const { stdout } = await run(process.execPath, [client, String(gateway.port)]);
clearInterval(sampler);
const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
console.log(`statuses: ${stdout.trim()}`);
console.log(
  `peak growth: rss +${mb(peak.rss - base.rss)}, arrayBuffers +${mb(peak.arrayBuffers - base.arrayBuffers)}`,
);
await gateway.close();
