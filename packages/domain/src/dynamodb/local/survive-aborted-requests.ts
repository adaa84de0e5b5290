import type { IncomingMessage, RequestListener, Server } from 'node:http';

/**
 * Keeps a client that leaves mid-request from taking the whole process down. dynalite 4.0.0
 * listens for a request's `error` with `function (err) { throw err }` (its index.js,
 * `httpHandler`), and Node emits `error` (`ECONNRESET`, "aborted") on a request whose
 * connection closes before its body has arrived: a client stopped with Ctrl-C, a Lambda worker
 * terminated mid-call, or `closeAllConnections()` at shutdown would all end the process with an
 * uncaught exception. Each request reaches dynalite without its `error` event: the half-received request is dropped, as a server drops it when its client is
 * gone, and nothing of it was written.
 *
 * @example
 * const server = dynalite({});
 * surviveAbortedRequests(server);
 */
export function surviveAbortedRequests(server: Server): void {
  const handlers = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response) => {
    // At the emitter, not as a listener: dynalite's `removeAllListeners()` once it has answered
    // would take a listener away, and an `error` nobody listens to throws as well.
    const emit = request.emit;
    request.emit = function emitExceptError(this: IncomingMessage, event, ...args) {
      return event === 'error' ? true : emit.call(this, event, ...args);
    } as typeof request.emit;
    for (const handler of handlers) handler(request, response);
  });
}
