/** Latencies of one kind of request, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

/** So many requests in so long. */
export interface Throughput {
  readonly count: number;
  readonly ms: number;
}

/** What `bench/api-bench.ts` measures, as it writes it to `BENCH_OUTPUT` (`pnpm bench` reads it). */
export interface ApiMeasurements {
  /** Each operation of the token API, sequential and interleaved, at `petsInTable` pets. */
  readonly operations: Readonly<Record<string, LatencySummary>>;
  readonly petsInTable: number;
  /** `GET /pets?limit=20` at each table size, sequential. */
  readonly listPage: readonly (LatencySummary & { readonly pets: number })[];
  /** Buyers at once (`concurrency`), each on a pet of their own, then on one pet together. */
  readonly purchases: {
    readonly concurrency: number;
    /** `GET /pets/{id}` by the same buyers at once: the reads such a purchase is measured against. */
    readonly reads: Throughput;
    readonly distinct: Throughput;
    /** Every answer (one 200 and the rest 409 per pet) counts. */
    readonly contended: Throughput & { readonly pets: number; readonly oneWinnerEach: boolean };
  };
  /** Replies that were not what their operation expects (none in a good run). */
  readonly unexpected: readonly string[];
}

/** One Lambda bundle of the template (a `CodeUri` folder's `index.mjs`), measured as deployed. */
export interface BundleMeasurement {
  /** The bundle's file, relative to the repository. */
  readonly file: string;
  /** The template's functions that deploy it. */
  readonly functions: readonly string[];
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Fresh `node` processes importing it with the function's environment: ms from each one's start. */
  readonly imports: readonly { readonly nodeReadyMs: number; readonly importedMs: number }[];
}

/** The SPA's initial JavaScript (what `dist/index.html` loads first), gzip level 9. */
export interface SpaMeasurement {
  readonly scripts: readonly string[];
  readonly gzipBytes: number;
  /** The build's own budget (it fails above it). */
  readonly budgetBytes: number;
}
