import type { InvokeContextData, InvokeOutcome } from './invoke-outcome';
import type { LambdaWorker } from './lambda-worker';

interface Waiter {
  readonly resolve: (worker: LambdaWorker) => void;
  readonly reject: (error: Error) => void;
}

/** Lambda's answer past a function's reserved concurrency (AWS-BEHAVIOR.md F15). */
const throttled: InvokeOutcome = {
  ok: false,
  reason: 'throttled',
  coldStart: false,
  error: {
    errorType: 'TooManyRequestsException',
    errorMessage: 'Rate Exceeded. (ReservedFunctionConcurrentInvocationLimitExceeded)',
    trace: [],
  },
};

/**
 * A bounded pool of execution environments of one function, each serving one invocation at a
 * time (F13): a free warm one serves the next call (F14); a new one starts (cold) while fewer
 * than `maxSize` exist; beyond that calls wait their turn. With `concurrencyLimit` (the
 * function's `ReservedConcurrentExecutions`), a call while that many are running or waiting is
 * throttled at once, as Lambda does (F15). `reload()` retires every environment once it is free.
 * With `warm` (a debugger's pool: one environment, holding a fixed inspector port), an
 * environment always exists: the first from `warmUp()`, each next one as soon as the one before
 * it has ended, so that the debugger has something to attach to before any call.
 *
 * @example
 * const pool = new FunctionPool((generation) => new LambdaWorker(spec, generation), 4, 2);
 * await pool.invoke(JSON.stringify(event), contextData, 3000);
 */
export class FunctionPool {
  private readonly idle: LambdaWorker[] = [];
  private readonly all = new Set<LambdaWorker>();
  private readonly waiters: Waiter[] = [];
  private generation = 0;
  private peak = 0;
  private inFlight = 0;
  private closed = false;
  /** Environments being terminated. */
  private readonly retiring = new Set<Promise<void>>();

  constructor(
    private readonly spawn: (generation: number) => LambdaWorker,
    readonly maxSize: number,
    private readonly concurrencyLimit?: number,
    private readonly warm = false,
  ) {}

  /**
   * Starts an environment now, before any call, unless one exists or one is still ending (`warm`
   * pools start the next one when it has).
   */
  warmUp(): void {
    if (this.closed || this.all.size >= this.maxSize || this.retiring.size > 0) return;
    const worker = this.create();
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(worker);
    else this.idle.push(worker);
  }

  /** How many environments exist now, and the most that ever existed at once. */
  get stats(): { readonly size: number; readonly peakSize: number } {
    return { size: this.all.size, peakSize: this.peak };
  }

  async invoke(
    event: string,
    context: InvokeContextData,
    timeoutMs: number,
  ): Promise<InvokeOutcome> {
    if (this.concurrencyLimit !== undefined && this.inFlight >= this.concurrencyLimit) {
      return throttled;
    }
    this.inFlight += 1;
    try {
      const worker = await this.acquire();
      try {
        return await worker.invoke(event, context, timeoutMs);
      } finally {
        this.release(worker);
      }
    } finally {
      this.inFlight -= 1;
    }
  }

  /** New code: environments are replaced (the next call is a cold start). */
  reload(): void {
    this.generation++;
    for (const worker of this.idle.splice(0)) this.discard(worker);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiters.splice(0)) waiter.reject(new Error('The gateway is closing'));
    this.idle.length = 0;
    await Promise.all([...[...this.all].map((worker) => worker.terminate()), ...this.retiring]);
    this.all.clear();
  }

  private acquire(): Promise<LambdaWorker> {
    if (this.closed) return Promise.reject(new Error('The gateway is closing'));
    for (let worker = this.idle.pop(); worker; worker = this.idle.pop()) {
      if (this.usable(worker)) return Promise.resolve(worker);
      this.discard(worker);
    }
    if (this.all.size < this.maxSize && !(this.warm && this.retiring.size > 0)) {
      return Promise.resolve(this.create());
    }
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private release(worker: LambdaWorker): void {
    if (this.closed) return;
    if (!this.usable(worker)) {
      this.discard(worker);
      if (!this.warm && this.waiters.length > 0) this.waiters.shift()?.resolve(this.create());
      return;
    }
    const waiter = this.waiters.shift();
    if (waiter) waiter.resolve(worker);
    else this.idle.push(worker);
  }

  private usable(worker: LambdaWorker): boolean {
    return worker.isAlive && worker.generation === this.generation;
  }

  private create(): LambdaWorker {
    const worker = this.spawn(this.generation);
    this.all.add(worker);
    this.peak = Math.max(this.peak, this.all.size);
    return worker;
  }

  private discard(worker: LambdaWorker): void {
    this.all.delete(worker);
    const ended = worker.terminate();
    this.retiring.add(ended);
    void ended.finally(() => {
      this.retiring.delete(ended);
      if (this.warm) this.warmUp();
    });
  }
}
