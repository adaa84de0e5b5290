// The Lambda runtime inside a worker thread: plain JavaScript so that it runs under plain Node,
// tsx and vitest alike. It loads the handler once (cold start), then serves invocations one at
// a time, like one Lambda execution environment. Messages:
//   in:  { type: 'invoke', id, event: <JSON text>, context: { awsRequestId, invokedFunctionArn, deadline } }
//   out: { type: 'result', id, ok: true, payload: <JSON text> }
//        { type: 'result', id, ok: false, error: { errorType, errorMessage, trace }, discard? }
//        { type: 'log', ... } (log-capture.mjs), { type: 'inspector', url } or { type: 'inspector', error }
// `discard`: the environment cannot serve again (its init failed, or the runtime would have
// exited); like Lambda, the gateway then drops it and the next call initialises a new one.

import inspector from 'node:inspector';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import { captureLogs, flushLogs, logsBelongTo } from './log-capture.mjs';
import { runAsync, runWithCallbacks } from './run-handler.mjs';
import { useTaskRoot } from './task-root.mjs';

const { handlerFile, handlerPath, sourceMaps, callbacks, taskRoot, inspect } = workerData;
captureLogs();
if (sourceMaps) process.setSourceMapsEnabled(true);
useTaskRoot(taskRoot);
// A debugger for this environment (the gateway's `inspect` option): this thread's own inspector,
// opened before the handler loads, so that a debugger attached at its port sees the handler's
// scripts and stops at their breakpoints.
if (inspect) {
  try {
    inspector.open(inspect.port, inspect.host, false);
    // A port in use is no exception: Node prints why, and the inspector has no URL.
    const url = inspector.url();
    parentPort.postMessage(
      url ? { type: 'inspector', url } : { type: 'inspector', error: 'address already in use' },
    );
  } catch (error) {
    parentPort.postMessage({ type: 'inspector', error: String(error?.message ?? error) });
  }
}

// Lambda's own words (aws/aws-lambda-nodejs-runtime-interface-client src/context/constants.ts,
// the runtime of Node.js 24 and later): a handler that declares a callback cannot start.
const callbackHandlerRemoved =
  'ERROR: AWS Lambda has removed support for callback-based function handlers starting with Node.js 24. You need to modify this function to use a supported handler signature to use Node.js 24 or later. For more information see https://docs.aws.amazon.com/lambda/latest/dg/nodejs-handler.html.';

const handlerReady = loadHandler();
handlerReady.catch(() => {});

parentPort.on('message', async (message) => {
  if (message.type !== 'invoke') return;
  let handler;
  try {
    // The module's own code (Lambda's init phase) runs before the first invocation: its lines
    // belong to none.
    handler = await handlerReady;
    logsBelongTo(message.context.awsRequestId);
  } catch (error) {
    logsBelongTo(message.context.awsRequestId);
    reply(message.id, { ok: false, error: toLambdaError(error), discard: true });
    return;
  }
  const run = callbacks ? runWithCallbacks : runAsync;
  const outcome = await run(handler, JSON.parse(message.event), contextOf(message.context));
  if (outcome.ok) {
    const payload = outcome.result === undefined ? 'null' : JSON.stringify(outcome.result);
    reply(message.id, { ok: true, payload: payload ?? 'null' });
  } else {
    reply(message.id, {
      ok: false,
      error: toLambdaError(outcome.error),
      ...(outcome.exited ? { discard: true } : {}),
    });
  }
});

function reply(id, outcome) {
  flushLogs();
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
  if (!callbacks && target.length >= 3) {
    throw Object.assign(new Error(callbackHandlerRemoved), {
      name: 'Runtime.CallbackHandlerDeprecated',
    });
  }
  return target;
}

/**
 * The invocation's part of the `context` object (F6): the rest comes from the environment's
 * variables, read at each call as Lambda's runtime does. `identity` and `clientContext` are
 * present and undefined (API Gateway sends neither).
 */
function contextOf({ awsRequestId, invokedFunctionArn, deadline }) {
  return {
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    clientContext: undefined,
    identity: undefined,
    invokedFunctionArn,
    awsRequestId,
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
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
