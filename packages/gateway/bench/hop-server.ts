import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';

/** A result of the handler, as the hop floor's thread answers it. */
interface Reply {
  readonly id: number;
  readonly payload: string;
}

/**
 * The floor of running a function in a thread of its own, as the gateway does: a bare
 * `node:http` server that hands each request (its method, path and headers as JSON text) to one
 * of `threads` worker threads running the handler, one request at a time each (the others wait
 * their turn), and writes the handler's `statusCode`, `headers` and `body`. Everything the
 * gateway does besides (routing, authorizer, the whole proxy event, gateway responses, access
 * log) is left out: what this costs, any design that isolates functions in threads pays.
 *
 * @example
 * const floor = await startHopServer(new URL('./fixture/hello/index.mjs', import.meta.url), 4);
 * await fetch(`${floor.url}/hello`);
 * await floor.close();
 */
export async function startHopServer(
  handler: URL,
  threads: number,
): Promise<{ readonly url: string; close(): Promise<void> }> {
  const workers = Array.from(
    { length: threads },
    () =>
      new Worker(new URL('./hop-worker.mjs', import.meta.url), {
        workerData: { handlerUrl: handler.href },
        execArgv: [],
      }),
  );
  const idle = [...workers];
  const waiting: { readonly event: string; readonly answer: (reply: Reply) => void }[] = [];
  const answers = new Map<number, (reply: Reply) => void>();
  let next = 0;
  const dispatch = (worker: Worker, event: string, answer: (reply: Reply) => void) => {
    const id = next++;
    answers.set(id, answer);
    worker.postMessage({ id, event });
  };
  for (const worker of workers) {
    worker.on('message', (reply: Reply) => {
      const answer = answers.get(reply.id);
      answers.delete(reply.id);
      const queued = waiting.shift();
      if (queued) dispatch(worker, queued.event, queued.answer);
      else idle.push(worker);
      answer?.(reply);
    });
  }
  const server: Server = createServer((request, response) => {
    const event = JSON.stringify({
      httpMethod: request.method,
      path: request.url,
      headers: request.headers,
    });
    const answer = ({ payload }: Reply) => {
      const result = JSON.parse(payload) as {
        statusCode: number;
        headers: Record<string, string>;
        body: string;
      };
      response.writeHead(result.statusCode, {
        ...result.headers,
        'Content-Length': Buffer.byteLength(result.body),
      });
      response.end(result.body);
    };
    const worker = idle.pop();
    if (worker) dispatch(worker, event, answer);
    else waiting.push({ event, answer });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
