// The load generator, in its own worker thread so that it does not share the server's event
// loop. Sends `total` GETs to `url` over keep-alive connections, `concurrency` at a time.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, total, concurrency, headers } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const statuses = {};
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
    sent += 1;
    const status = await once();
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
};

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, loop));
const ms = performance.now() - started;
agent.destroy();
parentPort.postMessage({ ms, statuses });
