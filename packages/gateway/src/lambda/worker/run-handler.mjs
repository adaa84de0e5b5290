// How Lambda's Node.js runtimes call a handler (AWS-BEHAVIOR.md F8-F10), from the runtime
// interface client that AWS publishes (aws/aws-lambda-nodejs-runtime-interface-client):
// - up to Node.js 22 (src/Runtime/Runtime.ts, CallbackContext.ts): the handler gets
//   (event, context, callback); a returned Promise settles the call; otherwise the first of
//   callback, context.done / succeed / fail answers; without any of them the answer is `null`
//   once the event loop is empty (a plain return value is ignored);
// - Node.js 24 and later (src/runtime/buffered-invoke-processor.ts): the handler gets
//   (event, context) and its return value is awaited; the context has no callback methods.
// Both resolve to { ok: true, result } or { ok: false, error, exited? }, never reject.

import { parentPort } from 'node:worker_threads';

/**
 * Runs `onEmpty` when the worker's event loop has nothing left to do (the message port aside),
 * like the runtime's `beforeExit` listener. Returns a function that stops waiting.
 */
function whenEventLoopEmpty(onEmpty) {
  const listener = () => {
    stop();
    onEmpty();
  };
  parentPort.unref();
  process.on('beforeExit', listener);
  const stop = () => {
    process.off('beforeExit', listener);
    parentPort.ref();
  };
  return stop;
}

/** Node.js 16-22: callback, context methods, a returned Promise, or `null` on an empty loop. */
export function runWithCallbacks(handler, event, invokeContext) {
  return new Promise((resolve) => {
    let finished = false;
    let waitsForEmptyEventLoop = true;
    const answer = (error, result) => {
      if (finished) return;
      finished = true;
      stopWaiting();
      if (error !== undefined && error !== null) resolve({ ok: false, error });
      else resolve({ ok: true, result });
    };
    const stopWaiting = whenEventLoopEmpty(() => answer(null, null));
    const callback = (error, result) => answer(error, result);
    const context = {
      get callbackWaitsForEmptyEventLoop() {
        return waitsForEmptyEventLoop;
      },
      set callbackWaitsForEmptyEventLoop(value) {
        waitsForEmptyEventLoop = value;
      },
      succeed: (result) => answer(null, result),
      fail: (error) => answer(error === undefined || error === null ? 'handled' : error),
      done: (error, result) => answer(error, result),
      ...invokeContext,
    };
    try {
      const returned = handler(event, context, callback);
      if (returned instanceof Promise) returned.then(context.succeed, context.fail);
    } catch (error) {
      answer(error);
    }
  });
}

/** Node.js 24 and later: the awaited return value; an emptied loop ends the runtime. */
export function runAsync(handler, event, invokeContext) {
  return new Promise((resolve) => {
    let finished = false;
    const finish = (outcome) => {
      if (finished) return;
      finished = true;
      stopWaiting();
      resolve(outcome);
    };
    // The runtime awaits the handler at the top level: with nothing left to run, Node.js exits.
    const stopWaiting = whenEventLoopEmpty(() =>
      finish({
        ok: false,
        exited: true,
        error: Object.assign(new Error('Runtime exited with error: exit status 13'), {
          name: 'Runtime.ExitError',
        }),
      }),
    );
    (async () => handler(event, invokeContext))().then(
      (result) => finish({ ok: true, result }),
      (error) => finish({ ok: false, error }),
    );
  });
}
