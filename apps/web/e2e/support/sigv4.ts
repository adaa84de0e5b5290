import type { Request, Response } from '@playwright/test';
import { AwsClient } from 'aws4fetch';

/** The parts of a SigV4 `Authorization` header. */
export interface SignatureParts {
  readonly accessKeyId: string;
  readonly date: string;
  readonly region: string;
  readonly service: string;
  readonly signedHeaders: readonly string[];
}

const authorizationPattern =
  /^AWS4-HMAC-SHA256 Credential=(\w+)\/(\d{8})\/([\w-]+)\/([\w-]+)\/aws4_request, SignedHeaders=([\w;-]+), Signature=[0-9a-f]{64}$/;

/**
 * The SigV4 signature a request the page sent carries, or undefined when it has none (a bearer
 * token, or nothing).
 *
 * @example
 * signatureOf(await page.waitForRequest(`${stack.iamApiUrl}/me`))?.service // 'execute-api'
 */
export function signatureOf(request: Request): SignatureParts | undefined {
  const match = authorizationPattern.exec(request.headers().authorization ?? '');
  if (!match) return undefined;
  const [, accessKeyId = '', date = '', region = '', service = '', signedHeaders = ''] = match;
  return { accessKeyId, date, region, service, signedHeaders: signedHeaders.split(';') };
}

/** Temporary credentials, as the page got them from STS. */
export interface StsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
}

/**
 * The credentials in an `AssumeRoleWithWebIdentity` answer the page received.
 *
 * @example
 * const credentials = await credentialsOf(await page.waitForResponse(stack.stsUrl));
 */
export async function credentialsOf(response: Response): Promise<StsCredentials> {
  const xml = await response.text();
  const field = (name: string) => {
    const value = new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml)?.[1];
    if (!value) throw new Error(`The STS answer has no ${name}.`);
    return value;
  };
  return {
    accessKeyId: field('AccessKeyId'),
    secretAccessKey: field('SecretAccessKey'),
    sessionToken: field('SessionToken'),
  };
}

/**
 * A request signed with someone's credentials, sent from the test itself (not the page).
 *
 * @example
 * const response = await signedFetch(credentials, 'us-east-1', `${stack.iamApiUrl}/pets/${id}`, { method: 'DELETE' });
 */
export function signedFetch(
  credentials: StsCredentials,
  region: string,
  url: string,
  init: RequestInit = {},
): Promise<globalThis.Response> {
  const client = new AwsClient({ ...credentials, service: 'execute-api', region, retries: 0 });
  return client.fetch(url, init);
}
