/**
 * An error answered to the caller as STS's `<ErrorResponse>`: HTTP status, `Code`, `Message`.
 * `detail` says precisely what was wrong, for the log only (the caller gets AWS's quiet message).
 */
export class StsError extends Error {
  override readonly name = 'StsError';
  readonly status: number;
  readonly code: string;
  readonly detail: string;

  constructor(status: number, code: string, message: string, detail: string = message) {
    super(message);
    this.status = status;
    this.code = code;
    this.detail = detail;
  }

  /** `Sender` for the caller's faults (4xx), `Receiver` for ours (5xx). */
  get type(): 'Sender' | 'Receiver' {
    return this.status >= 500 ? 'Receiver' : 'Sender';
  }
}
