import { Hash } from '@smithy/hash-node';
import { SignatureV4 } from '@smithy/signature-v4';

/** A request as a client builds it, before signing. */
export interface RequestToSign {
  readonly method?: string;
  /** Where it goes: scheme, host and port (anything after them is ignored). */
  readonly origin: string;
  /** The path as it goes on the wire (percent-encoded), e.g. `/prod/pets/a%20b`. */
  readonly path: string;
  /** The query's names and decoded values. */
  readonly query?: Readonly<Record<string, string | readonly string[]>>;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface SigningSettings {
  readonly credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string | undefined;
  };
  readonly region: string;
  /** Default `execute-api`. */
  readonly service?: string;
  /** The signing time, epoch milliseconds; default now. */
  readonly at?: number;
  /** Add and sign `x-amz-content-sha256` (the signer's default: true). */
  readonly applyChecksum?: boolean;
  readonly unsignableHeaders?: ReadonlySet<string>;
}

/** What the signer gives back: the request with its SigV4 headers (`host` included). */
export interface SignedRequestParts {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string | readonly string[]>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

/**
 * The SHA-256 the signer hashes with, in Node.js. Its type is spelled out: the inferred one names
 * `@smithy/types`, which is not a dependency of this package, so no declaration could be emitted.
 */
export const sha256: new (secret?: ConstructorParameters<typeof Hash>[1]) => Hash = Hash.bind(
  null,
  'sha256',
);

/**
 * Signs a request with `@smithy/signature-v4`, the signer the AWS SDK uses, as an AWS client
 * would: for the clients of the local stack (its commands, its load run) and for tests.
 *
 * @example
 * const signed = await signRequest({ origin: 'http://127.0.0.1:3001', path: '/pets' },
 *   { credentials, region: 'us-east-1' });
 * await fetch(`http://127.0.0.1:3001${signed.path}`, { headers: signed.headers });
 */
export async function signRequest(
  request: RequestToSign,
  settings: SigningSettings,
): Promise<SignedRequestParts> {
  const origin = new URL(request.origin);
  const signer = new SignatureV4({
    service: settings.service ?? 'execute-api',
    region: settings.region,
    credentials: {
      accessKeyId: settings.credentials.accessKeyId,
      secretAccessKey: settings.credentials.secretAccessKey,
      ...(settings.credentials.sessionToken
        ? { sessionToken: settings.credentials.sessionToken }
        : {}),
    },
    sha256,
    applyChecksum: settings.applyChecksum ?? true,
  });
  const signed = await signer.sign(
    {
      method: request.method ?? 'GET',
      protocol: origin.protocol,
      hostname: origin.hostname,
      ...(origin.port ? { port: Number(origin.port) } : {}),
      path: request.path,
      query: { ...(request.query as Record<string, string | string[]>) },
      headers: { host: origin.host, ...request.headers },
      ...(request.body === undefined ? {} : { body: request.body }),
    },
    {
      signingDate: new Date(settings.at ?? Date.now()),
      ...(settings.unsignableHeaders
        ? { unsignableHeaders: new Set(settings.unsignableHeaders) }
        : {}),
    },
  );
  return {
    method: signed.method,
    path: signed.path,
    query: (signed.query ?? {}) as Record<string, string | string[]>,
    headers: signed.headers,
    body: request.body,
  };
}
