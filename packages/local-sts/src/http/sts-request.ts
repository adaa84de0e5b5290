import type { SignedRequest } from '@petstore/sigv4/verify';

/** Query parameters by name (client-chosen names: a Map, never a plain object). */
export type StsParameters = ReadonlyMap<string, string>;

/** One call to the STS, as the action handlers see it. */
export interface StsRequest {
  readonly requestId: string;
  /** `Action`, `Version` and the action's parameters, from the query string and the form body. */
  readonly parameters: StsParameters;
  /** The request as it arrived, for SigV4 verification. */
  readonly raw: SignedRequest;
}
