import type { TemporaryCredentials } from '../../src/credentials';
import { signRequest } from '../../src/sign-request';
import type { SignedRequest } from '../../src/verify-request';

export const region = 'eu-west-1';
export const service = 'execute-api';
/** 2026-11-21T10:15:00Z */
export const signedAt = Date.UTC(2026, 10, 21, 10, 15, 0);

export function temporaryCredentials(
  overrides: Partial<TemporaryCredentials> = {},
): TemporaryCredentials {
  return {
    accessKeyId: 'ASIAEXAMPLE000000001',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    sessionToken: 'FwoGZXIvYXdzEXAMPLE//session+token==',
    expiresAt: signedAt + 3600_000,
    session: {
      accountId: '123456789012',
      roleArn: 'arn:aws:iam::123456789012:role/petstore-admin',
      roleName: 'petstore-admin',
      roleId: 'AROAEXAMPLE000000001',
      sessionName: 'ada',
      assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/petstore-admin/ada',
      principalTags: new Map([['PetRole', 'admin']]),
      sessionPolicy: undefined,
      subject: 'database|ada',
      providerArn: 'arn:aws:iam::123456789012:oidc-provider/127.0.0.1:9000',
    },
    ...overrides,
  };
}

export interface ClientRequest {
  readonly method?: string;
  /** As the client sends it: already percent-encoded. */
  readonly path?: string;
  readonly query?: Record<string, string | string[]>;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

export interface SignOptions {
  readonly credentials?: TemporaryCredentials;
  readonly date?: number;
  readonly region?: string;
  readonly service?: string;
  /** The AWS SDK's default: add and sign x-amz-content-sha256. */
  readonly applyChecksum?: boolean;
  readonly unsignableHeaders?: Set<string>;
}

/** The query string as the AWS SDK writes it (names and values escaped, `+` as `%2B`). */
export function queryString(query: Record<string, string | string[]>): string {
  const uriEscape = (text: string) =>
    encodeURIComponent(text).replace(
      /[!'()*]/g,
      (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
    );
  return Object.entries(query)
    .flatMap(([name, value]) =>
      (Array.isArray(value) ? value : [value]).map(
        (item) => `${uriEscape(name)}=${uriEscape(item)}`,
      ),
    )
    .join('&');
}

/**
 * Signs a request with the real signer (`@smithy/signature-v4`, as the AWS SDK does) and
 * returns it as the gateway would receive it.
 */
export async function sign(
  client: ClientRequest,
  options: SignOptions = {},
): Promise<SignedRequest> {
  const credentials = options.credentials ?? temporaryCredentials();
  const body = client.body ?? '';
  const signed = await signRequest(
    {
      method: client.method ?? 'GET',
      origin: 'http://127.0.0.1:3000',
      path: client.path ?? '/prod/pets',
      query: client.query ?? {},
      ...(client.headers ? { headers: client.headers } : {}),
      ...(body === '' ? {} : { body }),
    },
    {
      credentials,
      service: options.service ?? service,
      region: options.region ?? region,
      at: options.date ?? signedAt,
      applyChecksum: options.applyChecksum ?? true,
      ...(options.unsignableHeaders ? { unsignableHeaders: options.unsignableHeaders } : {}),
    },
  );
  return {
    method: signed.method,
    rawPath: signed.path,
    rawQuery: queryString((signed.query ?? {}) as Record<string, string | string[]>),
    headers: new Map(
      Object.entries(signed.headers).map(([name, value]) => [name.toLowerCase(), [value]]),
    ),
    body: new TextEncoder().encode(body),
  };
}

/** A copy of the request with one header's values replaced (or removed, with `undefined`). */
export function withHeader(
  request: SignedRequest,
  name: string,
  values: readonly string[] | undefined,
): SignedRequest {
  const headers = new Map(request.headers);
  if (values === undefined) headers.delete(name);
  else headers.set(name, values);
  return { ...request, headers };
}
