// The load generator, in its own worker thread so that it does not share the server's event
// loop. Sends `total` GETs to `url` over keep-alive connections, `concurrency` at a time, and
// answers the run's duration, the statuses, and the median and 99th percentile latency.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, total, concurrency, headers } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const statuses = {};
const latencies = new Float64Array(total);
let sent = 0;

const once = () =>
  new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, headers }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => resolve(incoming.statusCode));
    });
    outgoing.on('error', reject);
    outgoing.end();
  });

const loop = async () => {
  while (sent < total) {
    const index = sent;
    sent += 1;
    const started = performance.now();
    const status = await once();
    latencies[index] = performance.now() - started;
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
};

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, loop));
const ms = performance.now() - started;
agent.destroy();
latencies.sort();
/** Nearest-rank percentile. */
const percentile = (p) => latencies[Math.max(0, Math.ceil((p / 100) * total) - 1)];
parentPort.postMessage({ ms, statuses, p50Ms: percentile(50), p99Ms: percentile(99) });
