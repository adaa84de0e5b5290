/** A response ready to be written: status, headers in order (names may repeat), body bytes. */
export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Buffer;
}
