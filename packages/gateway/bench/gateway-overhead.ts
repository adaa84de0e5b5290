// Benchmark (a script, not a test): what the gateway adds to a request.
//   1. latency of a GET through the gateway on three paths: no authorizer, a cached TOKEN
//      authorizer result, and AWS_IAM (SigV4 verified, then the role's policy evaluated), next
//      to the same handler invoked directly in-process and to a bare node:http server
//      (sequential), with the SigV4 path's cost as ratios to the other two;
//   2. requests per second on the same paths and the bare server (keep-alive, 16 in flight), with
//      the CPU time of every thread of the process per request (the load generator's included),
//      and the same for the hop floor (hop-server.ts): a bare server handing each request to a
//      worker thread, what running functions in threads of their own costs at least.
// The SigV4 request is signed by @smithy/signature-v4 before each load run and sent as is (a
// signature is valid for 5 minutes), so its signing cost is not counted: only the gateway's.
// Everything runs on 127.0.0.1 with bounded loops. Run: pnpm --filter @petstore/gateway bench
// With `BENCH_OUTPUT` set, the GatewayMeasurements are also written there as JSON (the root
// `pnpm bench` does).
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startGateway } from '../src/start-gateway';
import { TestCredentialStore } from '../test/support/credential-store';
import { signRequest } from '../test/support/sigv4-client';
import { startHopServer } from './hop-server';
import type { Contender, GatewayMeasurements, GatewayRound } from './measurements';

const hello = './fixture/hello/index.mjs';
/** The gateway's pool size per function by default (`maxConcurrency`), for the hop floor too. */
const threads = 4;
const { body, handler } = (await import(hello)) as {
  body: string;
  handler: (event: never, context: never) => Promise<unknown>;
};

const sequential = { total: 2_000, concurrency: 1 };
const parallel = { total: 10_000, concurrency: 16 };
const directCalls = 200_000;
const tokenHeaders = { Authorization: 'Bearer bench-token' };

interface LoadResult {
  readonly ms: number;
  readonly statuses: Record<string, number>;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** CPU time of every thread of this process (user + system), microseconds per request. */
  readonly cpuUs: number;
}

function load(
  url: string,
  total: number,
  concurrency: number,
  headers: Readonly<Record<string, string>> = tokenHeaders,
): Promise<LoadResult> {
  const worker = new Worker(fileURLToPath(new URL('./load-client.mjs', import.meta.url)), {
    workerData: { url, total, concurrency, headers },
    execArgv: [],
  });
  const cpu = process.cpuUsage();
  return new Promise((resolve, reject) => {
    worker.once('message', (result: Omit<LoadResult, 'cpuUs'>) => {
      const { user, system } = process.cpuUsage(cpu);
      resolve({ ...result, cpuUs: (user + system) / total });
    });
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
const credentials = new TestCredentialStore();
const gateway = await startGateway({
  templatePath: fileURLToPath(new URL('./fixture/template.yaml', import.meta.url)),
  credentials,
  logger: {
    access: (entry) => {
      authorizerUse[entry.authorizer] = (authorizerUse[entry.authorizer] ?? 0) + 1;
    },
    info: () => {},
  },
});
const floor = await startHopServer(new URL(hello, import.meta.url), threads);
const floorUrl = `${floor.url}/hello`;
const securedUrl = `${gateway.url}/hello`;
const openUrl = `${gateway.url}/open`;
const iamBase = gateway.apis.find((api) => api.logicalId === 'IamApi')?.url ?? '';
const signedUrl = `${iamBase}/hello`;
const role = gateway.model.iam.roles.get('CallerRole');
if (!role) throw new Error('the bench template has no CallerRole');
const caller = credentials.issue(
  role,
  'bench',
  { PetRole: 'admin' },
  {
    expiresAt: Date.now() + 3_600_000,
  },
);
/** Fresh SigV4 headers for the signed path (each load run is well within the 5-minute window). */
const signedHeaders = async () =>
  (await signRequest(iamBase, { path: '/hello' }, caller, { at: Date.now() })).headers;

// Warm up: cold starts, the authorizer's cache entry, JIT of both servers and of the client.
for (const url of [securedUrl, openUrl, bareUrl, floorUrl])
  check('warm-up', await load(url, 500, 4), 500);
check('warm-up', await load(signedUrl, 500, 4, await signedHeaders()), 500);

const rounds = 3;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const perRequestUs = (result: LoadResult, total: number) => (result.ms * 1000) / total;
const perSecond = (result: LoadResult) => parallel.total / (result.ms / 1000);
const contenders: readonly (readonly [Contender, string])[] = [
  ['token', securedUrl],
  ['open', openUrl],
  ['iam', signedUrl],
  ['bare', bareUrl],
  ['floor', floorUrl],
];
const byContender = (value: (name: Contender) => number) =>
  Object.fromEntries(contenders.map(([name]) => [name, value(name)])) as Record<Contender, number>;

// Rounds alternate the contenders so that a busy moment of the shared machine hits them all.
const measuredRounds: GatewayRound[] = [];
for (let round = 0; round < rounds; round++) {
  const inProcessUs = await direct();
  const latencyUs = new Map<Contender, number>();
  const loaded = new Map<Contender, LoadResult>();
  for (const [name, url] of contenders) {
    const headers = name === 'iam' ? await signedHeaders() : tokenHeaders;
    const result = await load(url, sequential.total, sequential.concurrency, headers);
    check(`${name} sequential`, result, sequential.total);
    latencyUs.set(name, perRequestUs(result, sequential.total));
  }
  for (const [name, url] of contenders) {
    const headers = name === 'iam' ? await signedHeaders() : tokenHeaders;
    const result = await load(url, parallel.total, parallel.concurrency, headers);
    check(`${name} parallel`, result, parallel.total);
    loaded.set(name, result);
  }
  const of = (name: Contender) => loaded.get(name) as LoadResult;
  measuredRounds.push({
    inProcessUs,
    latencyUs: byContender((name) => latencyUs.get(name) ?? 0),
    requestsPerSecond: byContender((name) => perSecond(of(name))),
    p50Ms: byContender((name) => of(name).p50Ms),
    p99Ms: byContender((name) => of(name).p99Ms),
    cpuUsPerRequest: byContender((name) => of(name).cpuUs),
  });
}
const measurements: GatewayMeasurements = {
  sequential,
  parallel,
  rounds: measuredRounds,
  authorizerUse,
};

const across = (read: (round: GatewayRound) => number) => median(measuredRounds.map(read));
const directUs = across((round) => round.inProcessUs);
const [gatewayUs, openUs, sigv4Us, bareUs] = (['token', 'open', 'iam', 'bare'] as const).map(
  (name) => across((round) => round.latencyUs[name]),
) as [number, number, number, number];
const us = (value: number) => `${value.toFixed(1)} µs`;
const load16 = (name: Contender) => ({
  'requests/s': Math.round(across((round) => round.requestsPerSecond[name])),
  p50: `${across((round) => round.p50Ms[name]).toFixed(2)} ms`,
  p99: `${across((round) => round.p99Ms[name]).toFixed(2)} ms`,
  'CPU/request (all threads)': us(across((round) => round.cpuUsPerRequest[name])),
});

console.log(
  `Node ${process.versions.node}, ${availableParallelism()} CPUs, median of ${rounds} rounds\n`,
);
console.log('1. Latency of one GET (sequential, keep-alive)');
console.table({
  'handler called in-process': { 'per request': us(directUs) },
  'bare node:http server': { 'per request': us(bareUs) },
  'gateway, no authorizer': { 'per request': us(openUs) },
  'gateway, cached TOKEN authorizer': { 'per request': us(gatewayUs) },
  'gateway, AWS_IAM (SigV4 + policy)': { 'per request': us(sigv4Us) },
});
console.log(
  `   gateway / in-process: +${us(gatewayUs - directUs)} per request; gateway / bare http: ${(gatewayUs / bareUs).toFixed(1)}x, +${us(gatewayUs - bareUs)}`,
);
console.log(
  `   SigV4 / TOKEN path: ${(sigv4Us / gatewayUs).toFixed(2)}x; SigV4 / no auth: ${(sigv4Us / openUs).toFixed(2)}x\n`,
);
console.log(
  `2. Under load (${parallel.total} GETs, ${parallel.concurrency} in flight, keep-alive)`,
);
console.table({
  'bare node:http server': load16('bare'),
  [`bare server, each request handed to 1 of ${threads} threads`]: load16('floor'),
  'gateway, no authorizer': load16('open'),
  'gateway, cached TOKEN authorizer': load16('token'),
  'gateway, AWS_IAM (SigV4 + policy)': load16('iam'),
});
console.log(`Authorization over the whole run: ${JSON.stringify(authorizerUse)}`);
if (process.env.BENCH_OUTPUT) writeFileSync(process.env.BENCH_OUTPUT, JSON.stringify(measurements));

await gateway.close();
await floor.close();
bare.close();
