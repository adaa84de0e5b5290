import { signRequest } from '@petstore/sigv4/sign';
import type { AwsCredentials } from '../../src/iam/role-credentials';
import type { Reply } from './api-client';

export interface SignedCallInit {
  readonly method?: string;
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  /** Sent instead of `body`, which is what was signed: a request tampered with on the way. */
  readonly sentBody?: unknown;
  readonly region: string;
  readonly credentials: AwsCredentials;
}

/**
 * One request to the IAM API, signed with SigV4 (service `execute-api`) by the AWS SDK's own
 * signer, as any AWS client would send it.
 */
export async function signedCall(url: string, init: SignedCallInit): Promise<Reply> {
  const target = new URL(url);
  const body = init.body === undefined ? undefined : JSON.stringify(init.body);
  const signed = await signRequest(
    {
      method: init.method ?? 'GET',
      origin: target.origin,
      path: target.pathname,
      query: Object.fromEntries(target.searchParams),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
      ...(body === undefined ? {} : { body }),
    },
    { credentials: init.credentials, region: init.region },
  );
  const sent = init.sentBody === undefined ? body : JSON.stringify(init.sentBody);
  const response = await fetch(url, {
    method: signed.method,
    headers: signed.headers,
    ...(sent === undefined ? {} : { body: sent }),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? JSON.parse(text) : undefined,
  };
}
