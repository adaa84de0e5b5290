// Benchmark (a script, not a test): what the gateway adds to a request.
//   1. latency of a GET through the gateway with a cached authorizer result, next to the same
//      handler invoked directly in-process, and next to a bare node:http server (sequential);
//   2. requests per second for the trivial handler through the gateway vs a bare node:http
//      server answering the same body (keep-alive, 16 in flight).
// Everything runs on 127.0.0.1 with bounded loops. Run: pnpm --filter @petstore/gateway bench
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startGateway } from '../src/start-gateway';

const hello = './fixture/hello/index.mjs';
const { body, handler } = (await import(hello)) as {
  body: string;
  handler: (event: never, context: never) => Promise<unknown>;
};

const sequential = { total: 2_000, concurrency: 1 };
const parallel = { total: 10_000, concurrency: 16 };
const directCalls = 200_000;
const headers = { Authorization: 'Bearer bench-token' };

interface LoadResult {
  readonly ms: number;
  readonly statuses: Record<string, number>;
}

function load(url: string, total: number, concurrency: number): Promise<LoadResult> {
  const worker = new Worker(fileURLToPath(new URL('./load-client.mjs', import.meta.url)), {
    workerData: { url, total, concurrency, headers },
    execArgv: [],
  });
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

function check(name: string, result: LoadResult, total: number): void {
  if (result.statuses['200'] !== total)
    throw new Error(`${name}: not all 200: ${JSON.stringify(result.statuses)}`);
}

async function direct(): Promise<number> {
  const event = {} as never;
  const context = {} as never;
  for (let index = 0; index < 10_000; index++) await handler(event, context);
  const started = performance.now();
  for (let index = 0; index < directCalls; index++) await handler(event, context);
  return ((performance.now() - started) * 1000) / directCalls;
}

const bare = createServer((_request, response) => {
  response.writeHead(200, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(body),
  });
  response.end(body);
});
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/hello`;

const authorizerUse: Record<string, number> = {};
const gateway = await startGateway({
  templatePath: fileURLToPath(new URL('./fixture/template.yaml', import.meta.url)),
  logger: {
    access: (entry) => {
      authorizerUse[entry.authorizer] = (authorizerUse[entry.authorizer] ?? 0) + 1;
    },
    info: () => {},
  },
});
const securedUrl = `${gateway.url}/hello`;
const openUrl = `${gateway.url}/open`;

// Warm up: cold starts, the authorizer's cache entry, JIT of both servers and of the client.
for (const url of [securedUrl, openUrl, bareUrl]) check('warm-up', await load(url, 500, 4), 500);

const rounds = 3;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const samples = { direct: [] as number[], gateway: [] as number[], bare: [] as number[] };
const throughput = { gateway: [] as number[], open: [] as number[], bare: [] as number[] };
const perRequestUs = (result: LoadResult, total: number) => (result.ms * 1000) / total;
const perSecond = (result: LoadResult) => parallel.total / (result.ms / 1000);

// Rounds alternate the contenders so that a busy moment of the shared machine hits them all.
for (let round = 0; round < rounds; round++) {
  samples.direct.push(await direct());
  for (const [name, url] of [
    ['gateway', securedUrl],
    ['bare', bareUrl],
  ] as const) {
    const result = await load(url, sequential.total, sequential.concurrency);
    check(`${name} sequential`, result, sequential.total);
    samples[name].push(perRequestUs(result, sequential.total));
  }
  for (const [name, url] of [
    ['gateway', securedUrl],
    ['open', openUrl],
    ['bare', bareUrl],
  ] as const) {
    const result = await load(url, parallel.total, parallel.concurrency);
    check(`${name} parallel`, result, parallel.total);
    throughput[name].push(perSecond(result));
  }
}

const directUs = median(samples.direct);
const gatewayUs = median(samples.gateway);
const bareUs = median(samples.bare);
const us = (value: number) => `${value.toFixed(1)} µs`;
const rps = (values: number[]) => Math.round(median(values));

console.log(
  `Node ${process.versions.node}, ${availableParallelism()} CPUs, median of ${rounds} rounds\n`,
);
console.log('1. Latency of one GET (sequential, keep-alive), cached authorizer result');
console.table({
  'handler called in-process': { 'per request': us(directUs) },
  'bare node:http server': { 'per request': us(bareUs) },
  'through the gateway': { 'per request': us(gatewayUs) },
});
console.log(
  `   gateway / in-process: ${(gatewayUs / directUs).toFixed(0)}x, +${us(gatewayUs - directUs)} per request`,
);
console.log(
  `   gateway / bare http:  ${(gatewayUs / bareUs).toFixed(1)}x, +${us(gatewayUs - bareUs)} per request\n`,
);
console.log(
  `2. Throughput (${parallel.total} GETs, ${parallel.concurrency} in flight, keep-alive)`,
);
console.table({
  'bare node:http server': { 'requests/s': rps(throughput.bare) },
  'gateway, no authorizer': { 'requests/s': rps(throughput.open) },
  'gateway, cached authorizer': { 'requests/s': rps(throughput.gateway) },
});

console.log(`Authorizer cache over the whole run: ${JSON.stringify(authorizerUse)}`);

await gateway.close();
bare.close();
