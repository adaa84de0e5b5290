import { Worker } from 'node:worker_threads';
import type { FunctionLogLine } from '../function-log-line';
import type { InvokeContextData, InvokeOutcome, LambdaError } from './invoke-outcome';
import { dropsCallbackHandlers } from './node-runtimes';

/** What a worker needs to become one execution environment of a function. */
export interface WorkerSpec {
  /** Absolute path of the handler's file, `undefined` when none was found (Runtime.ImportModuleError). */
  readonly handlerFile: string | undefined;
  /** Export path: `index.handler` gives `['handler']`. */
  readonly handlerPath: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly sourceMaps: boolean;
  /**
   * The function's `MemorySize` in MB: the worker's JavaScript heap limit (V8's old
   * generation); past it the environment dies (Runtime.OutOfMemory) and the call is a 502.
   */
  readonly memoryMb: number;
  /** The function's `Runtime` (`nodejs22.x`): which handler rules apply (F8-F10). */
  readonly runtime: string;
  /** The code folder: `LAMBDA_TASK_ROOT` and the working directory (F2). */
  readonly taskRoot: string;
  /** Open this thread's own inspector there (a debugger for the function); none by default. */
  readonly inspect?: { readonly host: string; readonly port: number } | undefined;
  /** What the function writes, line by line (by default it is dropped). */
  readonly onLog?: (line: Omit<FunctionLogLine, 'functionId'>) => void;
  /** The inspector's `ws://` URL once it listens, or why it could not. */
  readonly onInspector?: (outcome: { readonly url: string } | { readonly error: string }) => void;
}

/** A message of the worker (worker/bootstrap.mjs, worker/log-capture.mjs). */
type WorkerMessage =
  | {
      readonly type: 'result';
      readonly id: number;
      readonly ok: boolean;
      readonly payload?: string;
      readonly error?: LambdaError;
      readonly discard?: boolean;
    }
  | ({ readonly type: 'log' } & Omit<FunctionLogLine, 'functionId'>)
  | { readonly type: 'inspector'; readonly url?: string; readonly error?: string };

const bootstrap = new URL('./worker/bootstrap.mjs', import.meta.url);

interface Pending {
  readonly id: number;
  readonly resolve: (outcome: InvokeOutcome) => void;
  readonly timer: NodeJS.Timeout;
  readonly coldStart: boolean;
}

/**
 * One Lambda execution environment: a worker thread with its own `process.env` and globals
 * that loads the handler once and runs one invocation at a time. A timeout terminates it.
 *
 * @example
 * const worker = new LambdaWorker(spec, 0);
 * const outcome = await worker.invoke(JSON.stringify(event), contextData, 3000);
 */
export class LambdaWorker {
  private readonly worker: Worker;
  private pending: Pending | undefined;
  private invocations = 0;
  private alive = true;

  constructor(
    spec: WorkerSpec,
    readonly generation: number,
  ) {
    this.worker = new Worker(bootstrap, {
      env: { ...spec.env },
      // A debugged environment's inspector is announced by the gateway's log, not Node's stderr.
      execArgv: spec.inspect ? ['--inspect-publish-uid=http'] : [],
      resourceLimits: { maxOldGenerationSizeMb: spec.memoryMb },
      workerData: {
        handlerFile: spec.handlerFile,
        handlerPath: spec.handlerPath,
        sourceMaps: spec.sourceMaps,
        callbacks: !dropsCallbackHandlers(spec.runtime),
        taskRoot: spec.taskRoot,
        inspect: spec.inspect,
      },
    });
    this.worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'log') {
        const { type: _type, ...line } = message;
        spec.onLog?.(line);
        return;
      }
      if (message.type === 'inspector') {
        spec.onInspector?.(
          message.url ? { url: message.url } : { error: message.error ?? 'not opened' },
        );
        return;
      }
      if (message.id !== this.pending?.id) return;
      // An environment whose init failed (or whose runtime would have exited) is not reused:
      // the next call starts a new one.
      if (message.discard) this.alive = false;
      this.finish(
        message.ok
          ? { ok: true, payload: message.payload ?? 'null', coldStart: this.pending.coldStart }
          : {
              ok: false,
              error: message.error as LambdaError,
              reason: 'function-error',
              coldStart: this.pending.coldStart,
            },
      );
    });
    this.worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
        this.crash(
          'Runtime.OutOfMemory',
          `Runtime exited: the JavaScript heap reached MemorySize (${spec.memoryMb} MB)`,
        );
      } else this.crash(error.name || 'Runtime.UnhandledError', error.message, error.stack);
    });
    this.worker.on('exit', (code) =>
      this.crash('Runtime.ExitError', `Runtime exited with error: exit status ${code}`),
    );
  }

  get isAlive(): boolean {
    return this.alive;
  }

  get threadId(): number {
    return this.worker.threadId;
  }

  invoke(event: string, context: InvokeContextData, timeoutMs: number): Promise<InvokeOutcome> {
    if (this.pending)
      throw new Error('A Lambda execution environment runs one invocation at a time');
    const coldStart = this.invocations++ === 0;
    if (!this.alive) {
      return Promise.resolve({
        ok: false,
        reason: 'crash',
        coldStart,
        error: lambdaError('Runtime.ExitError', 'The runtime is not running'),
      });
    }
    const id = this.invocations;
    return new Promise<InvokeOutcome>((resolve) => {
      const timer = setTimeout(() => {
        const seconds = (timeoutMs / 1000).toFixed(2);
        this.finish({
          ok: false,
          reason: 'timeout',
          coldStart,
          error: lambdaError('Sandbox.Timedout', `Task timed out after ${seconds} seconds`),
        });
        void this.terminate();
      }, timeoutMs);
      this.pending = { id, resolve, timer, coldStart };
      this.worker.postMessage({
        type: 'invoke',
        id,
        event,
        context: { ...context, deadline: Date.now() + timeoutMs },
      });
    });
  }

  async terminate(): Promise<void> {
    if (this.pending && this.alive) {
      const error = lambdaError('Runtime.Terminated', 'The execution environment was shut down');
      this.finish({ ok: false, reason: 'crash', coldStart: this.pending.coldStart, error });
    }
    this.alive = false;
    await this.worker.terminate();
  }

  private crash(errorType: string, message: string, stack?: string): void {
    const wasAlive = this.alive;
    this.alive = false;
    if (this.pending && wasAlive) {
      this.finish({
        ok: false,
        reason: 'crash',
        coldStart: this.pending.coldStart,
        error: lambdaError(errorType, message, stack),
      });
    }
  }

  private finish(outcome: InvokeOutcome): void {
    const pending = this.pending;
    if (!pending) return;
    this.pending = undefined;
    clearTimeout(pending.timer);
    pending.resolve(outcome);
  }
}

function lambdaError(errorType: string, errorMessage: string, stack?: string): LambdaError {
  return { errorType, errorMessage, trace: stack ? stack.split('\n') : [] };
}
