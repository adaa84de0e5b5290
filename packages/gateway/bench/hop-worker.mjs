// The thread of the hop floor (hop-server.ts): runs the benchmark's handler for each request the
// server hands over, one at a time, and answers its result as JSON text. No Lambda runtime
// around it (no context, log capture, timeout): only the hand-off and the handler.
import { parentPort, workerData } from 'node:worker_threads';

const { handler } = await import(workerData.handlerUrl);
parentPort.on('message', async ({ id, event }) => {
  const result = await handler(JSON.parse(event), {});
  parentPort.postMessage({ id, payload: JSON.stringify(result) });
});
