/**
 * The gateway benchmark's contenders: a bare `node:http` server, the hop floor (a bare server
 * handing each request to a worker thread, `hop-server.ts`) and three paths of one gateway.
 */
export type Contender = 'bare' | 'floor' | 'open' | 'token' | 'iam';

/** What `bench/gateway-overhead.ts` measures, as it writes it to `BENCH_OUTPUT` (the root `pnpm bench` reads it). */
export interface GatewayMeasurements {
  /** The sequential run of each contender per round: requests, one at a time. */
  readonly sequential: { readonly total: number; readonly concurrency: number };
  /** The load run of each contender per round: requests, so many in flight. */
  readonly parallel: { readonly total: number; readonly concurrency: number };
  /** One entry per round; a round measures every contender in turn (side by side). */
  readonly rounds: readonly GatewayRound[];
  /** How the TOKEN authorizer answered over the whole run (`hit`: from its cache). */
  readonly authorizerUse: Readonly<Record<string, number>>;
}

export interface GatewayRound {
  /** The handler called directly in-process, microseconds per call. */
  readonly inProcessUs: number;
  /** Sequential requests (keep-alive), microseconds per request. */
  readonly latencyUs: Readonly<Record<Contender, number>>;
  /** The load run: requests per second. */
  readonly requestsPerSecond: Readonly<Record<Contender, number>>;
  /** The load run: median latency, milliseconds. */
  readonly p50Ms: Readonly<Record<Contender, number>>;
  /** The load run: 99th percentile latency, milliseconds. */
  readonly p99Ms: Readonly<Record<Contender, number>>;
  /**
   * The load run: CPU time of every thread of the process (user + system, the load generator's
   * included), microseconds per request.
   */
  readonly cpuUsPerRequest: Readonly<Record<Contender, number>>;
}
