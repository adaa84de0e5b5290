import { SignatureV4 } from '@smithy/signature-v4';
import { sha256 } from './sign-request';
import type { SignableRequest } from './signable-request';

/** Whom and where the signature is for. */
export interface SigningScope {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly region: string;
  readonly service: string;
  /** The client's `X-Amz-Date`, epoch milliseconds. */
  readonly signingDate: number;
  /** Exactly the client's `SignedHeaders`. */
  readonly signedHeaders: readonly string[];
}

/**
 * The signature `@smithy/signature-v4` (the AWS SDK's signer) computes for the request, for
 * the client's date and exactly the client's signed headers. The session token is not given
 * to the signer: when the client signed `x-amz-security-token`, it is among the headers.
 *
 * @example
 * await recomputeSignature(signableRequest(request, signed), { accessKeyId, secretAccessKey,
 *   region: 'eu-west-1', service: 'execute-api', signingDate, signedHeaders: signed }) // '5d67…'
 */
export async function recomputeSignature(
  request: SignableRequest,
  scope: SigningScope,
): Promise<string> {
  const signer = new SignatureV4({
    service: scope.service,
    region: scope.region,
    credentials: { accessKeyId: scope.accessKeyId, secretAccessKey: scope.secretAccessKey },
    sha256,
    // The payload hash comes from a signed x-amz-content-sha256 header, or from the body.
    applyChecksum: false,
    uriEscapePath: true,
  });
  const signed = await signer.sign(
    { ...request, query: { ...request.query }, headers: { ...request.headers } },
    { signingDate: new Date(scope.signingDate), signableHeaders: new Set(scope.signedHeaders) },
  );
  const authorization = signed.headers.authorization ?? '';
  return /Signature=([0-9a-f]+)$/.exec(authorization)?.[1] ?? '';
}
