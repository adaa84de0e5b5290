// What a function writes (its console, process.stdout and process.stderr) goes to the gateway
// as messages, each with the invocation it belongs to, instead of straight to the terminal:
//   out: { type: 'log', requestId, stream: 'stdout' | 'stderr', level?, text }
// On the same port as the results, so a line written before the handler returns arrives before
// its result. The console methods carry a level, as Lambda's Node.js runtime tags them
// (console.log and console.info INFO, console.warn WARN, console.error ERROR, console.debug DEBUG,
// console.trace TRACE); raw writes are split into lines.

import { Buffer } from 'node:buffer';
import { format } from 'node:util';
import { parentPort } from 'node:worker_threads';

let requestId;
const partial = { stdout: '', stderr: '' };

function post(stream, level, text) {
  parentPort.postMessage({ type: 'log', requestId, stream, ...(level ? { level } : {}), text });
}

/** The invocation that lines belong to from now on (`undefined`: none, the environment's start). */
export function logsBelongTo(id) {
  flushLogs();
  requestId = id;
}

/** Sends a line written without its line break yet (before a result, so that it comes first). */
export function flushLogs() {
  for (const stream of ['stdout', 'stderr']) {
    if (partial[stream] !== '') post(stream, undefined, partial[stream]);
    partial[stream] = '';
  }
}

const consoleLevels = [
  ['log', 'stdout', 'INFO'],
  ['info', 'stdout', 'INFO'],
  ['debug', 'stdout', 'DEBUG'],
  ['warn', 'stderr', 'WARN'],
  ['error', 'stderr', 'ERROR'],
  ['trace', 'stderr', 'TRACE'],
];

/** Captures the console and the standard streams of this worker. */
export function captureLogs() {
  for (const stream of ['stdout', 'stderr']) {
    process[stream].write = (chunk, encoding, callback) => {
      const text =
        typeof chunk === 'string'
          ? chunk
          : Buffer.from(chunk).toString(typeof encoding === 'string' ? encoding : 'utf8');
      const lines = (partial[stream] + text).split('\n');
      partial[stream] = lines.pop() ?? '';
      for (const line of lines) post(stream, undefined, line);
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') queueMicrotask(() => done());
      return true;
    };
  }
  for (const [method, stream, level] of consoleLevels) {
    console[method] = (...args) => post(stream, level, format(...args));
  }
}
