// The Lambda runtime inside a worker thread: plain JavaScript so that it runs under plain Node,
// tsx and vitest alike. It loads the handler once (cold start), then serves invocations one at
// a time, like one Lambda execution environment. Messages:
//   in:  { type: 'invoke', id, event: <JSON text>, context: { awsRequestId, deadline, ... } }
//   out: { type: 'result', id, ok: true, payload: <JSON text> }
//        { type: 'result', id, ok: false, error: { errorType, errorMessage, trace }, initFailed? }
// `initFailed`: the handler could not be loaded; like Lambda, the gateway then discards this
// environment and the next call initialises a new one.

import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const { handlerFile, handlerPath, sourceMaps } = workerData;
if (sourceMaps) process.setSourceMapsEnabled(true);

const handlerReady = loadHandler();
handlerReady.catch(() => {});

parentPort.on('message', async (message) => {
  if (message.type !== 'invoke') return;
  let handler;
  try {
    handler = await handlerReady;
  } catch (error) {
    reply(message.id, { ok: false, error: toLambdaError(error), initFailed: true });
    return;
  }
  try {
    const result = await run(handler, JSON.parse(message.event), message.context);
    const payload = result === undefined ? 'null' : JSON.stringify(result);
    reply(message.id, { ok: true, payload: payload ?? 'null' });
  } catch (error) {
    reply(message.id, { ok: false, error: toLambdaError(error) });
  }
});

function reply(id, outcome) {
  parentPort.postMessage({ type: 'result', id, ...outcome });
}

async function loadHandler() {
  if (!handlerFile) {
    throw Object.assign(new Error(`Cannot find module for handler ${handlerPath.join('.')}`), {
      name: 'Runtime.ImportModuleError',
    });
  }
  const module = await import(pathToFileURL(handlerFile).href);
  let target = module;
  for (const [index, name] of handlerPath.entries()) {
    const next = target?.[name] ?? (index === 0 ? target?.default?.[name] : undefined);
    target = next;
  }
  if (typeof target !== 'function') {
    throw Object.assign(new Error(`${handlerPath.join('.')} is undefined or not exported`), {
      name: 'Runtime.HandlerNotFound',
    });
  }
  return target;
}

/** Runs an async or callback-style handler; the first of callback, context.done or promise wins. */
function run(handler, event, contextData) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error, result) => {
      if (settled) return;
      settled = true;
      if (error !== undefined && error !== null) reject(error);
      else resolve(result);
    };
    const context = {
      ...contextData,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, contextData.deadline - Date.now()),
      done: settle,
      succeed: (result) => settle(null, result),
      fail: (error) => settle(error ?? new Error('handled')),
    };
    delete context.deadline;
    let returned;
    try {
      returned = handler(event, context, settle);
    } catch (error) {
      settle(error);
      return;
    }
    if (returned && typeof returned.then === 'function') {
      returned.then(
        (result) => settle(null, result),
        (error) => settle(error ?? new Error('rejected')),
      );
    } else if (handler.length < 3) {
      // A synchronous handler that takes no callback: Lambda ignores its return value.
      settle(null, null);
    }
  });
}

function toLambdaError(error) {
  if (error instanceof Error) {
    return {
      errorType: error.name || 'Error',
      errorMessage: error.message,
      trace: String(error.stack ?? '').split('\n'),
    };
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}
