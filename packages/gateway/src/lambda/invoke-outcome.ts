/** An error as Lambda reports it (`errorType`, `errorMessage`, `trace`). */
export interface LambdaError {
  readonly errorType: string;
  readonly errorMessage: string;
  readonly trace: readonly string[];
}

/** How one invocation ended; `payload` is the handler's result as JSON text, as Lambda returns it. */
export type InvokeOutcome =
  | { readonly ok: true; readonly payload: string; readonly coldStart: boolean }
  | {
      readonly ok: false;
      readonly error: LambdaError;
      /**
       * `function-error`: thrown or rejected; `timeout`: the function's Timeout; `crash`: the
       * runtime died; `throttled`: Lambda refused the invocation (its reserved concurrency is in
       * use, AWS-BEHAVIOR.md F15), no environment ran it.
       */
      readonly reason: 'function-error' | 'timeout' | 'crash' | 'throttled';
      readonly coldStart: boolean;
    };

/**
 * What the invoke request tells the runtime about one invocation (the Runtime API's
 * `Lambda-Runtime-*` headers); the rest of the `context` object comes from the environment's
 * variables, as Lambda's runtime builds it.
 */
export interface InvokeContextData {
  readonly awsRequestId: string;
  readonly invokedFunctionArn: string;
}
