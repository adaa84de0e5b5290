/** What `bench/verify.ts` measures, as it writes it to `BENCH_OUTPUT` (the root `pnpm bench` reads it). */
export interface AuthorizerMeasurements {
  /**
   * Sequential verifications per second on the same tokens, one value per round: each round
   * measures every contestant in turn, so a round's ratios are measured side by side.
   */
  readonly verificationsPerSecond: {
    /** `node:crypto.verify('RSA-SHA256')` of the signature alone. */
    readonly cryptoVerify: readonly number[];
    /** jose's `jwtVerify` alone, with the options the authorizer gives it and a local key set. */
    readonly joseJwtVerify: readonly number[];
    /** The authorizer's verify path: Bearer parsing, header screening, `jwtVerify`, claims. */
    readonly verifyPath: readonly number[];
    /** The whole authorizer, its bundle's handler: verify path, identity, policy, context, log call (silent). */
    readonly wholeAuthorizer: readonly number[];
  };
  /** Fresh `node` processes, one per run, the two handlers in turn; times from each process's start. */
  readonly coldStart: {
    /** The bundle imported and its first policy answered (JWKS_FILE, no network). */
    readonly authorizer: readonly ColdStart[];
    /** `bench/minimal-handler.mjs`: node:crypto alone, the least an authorizer can do. */
    readonly minimalHandler: readonly ColdStart[];
  };
  readonly bundle: {
    readonly bytes: number;
    readonly gzipBytes: number;
    /** jose alone, as much of it as the authorizer imports, bundled the same way. */
    readonly joseAloneBytes: number;
  };
}

/** Milliseconds from a process's start. */
export interface ColdStart {
  /** When the first line of the script ran: Node's own start. */
  readonly nodeReadyMs: number;
  /** Once the handler's module was imported. */
  readonly importedMs: number;
  /** Once the first policy was answered. */
  readonly firstPolicyMs: number;
}
