import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startGateway } from '../src/start-gateway';
import { TestCredentialStore } from '../test/support/credential-store';
const gateway = await startGateway({
  templatePath: fileURLToPath(new URL('./fixture/template.yaml', import.meta.url)),
  credentials: new TestCredentialStore(),
  logger: { access: () => {}, info: () => {} },
});
const load = (url: string, total: number, concurrency: number) =>
  new Promise<{ ms: number }>((resolve, reject) => {
    const w = new Worker(fileURLToPath(new URL('./load-client.mjs', import.meta.url)), {
      workerData: { url, total, concurrency, headers: { Authorization: 'Bearer bench-token' } },
      execArgv: [],
    });
    w.once('message', resolve);
    w.once('error', reject);
  });
const path = process.env.PROF_PATH ?? '/hello';
await load(`${gateway.url}${path}`, 3000, 16);
const n = Number(process.env.PROF_N ?? 20000);
const r = await load(`${gateway.url}${path}`, n, Number(process.env.PROF_C ?? 16));
console.log(`${path}: ${Math.round(n / (r.ms / 1000))} req/s`);
await gateway.close();
