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
      /** `function-error`: thrown or rejected; `timeout`: the function's Timeout; `crash`: the runtime died. */
      readonly reason: 'function-error' | 'timeout' | 'crash';
      readonly coldStart: boolean;
    };

/** The parts of the Lambda `context` object fixed per invocation (methods are added in the worker). */
export interface InvokeContextData {
  readonly awsRequestId: string;
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
}
