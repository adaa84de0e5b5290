import { AwsV4Signer } from 'aws4fetch';
import { describe, expect, it } from 'vitest';
import { MemoryCredentialStore } from '../src/memory-credential-store';
import { type SignedRequest, verifySigV4 } from '../src/verify-request';
import { region, service, signedAt, temporaryCredentials } from './support/sign';

// The SPA signs its requests to the IAM API with aws4fetch (Web Crypto): what it signs must
// verify exactly as what the AWS SDK signs does.
const credentials = temporaryCredentials();
const store = new MemoryCredentialStore({ clock: () => signedAt });
store.add(credentials);

async function signWithAws4fetch(
  url: string,
  init: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<SignedRequest> {
  const signer = new AwsV4Signer({
    url,
    method: init.method ?? 'GET',
    headers: init.headers ?? {},
    ...(init.body === undefined ? {} : { body: init.body }),
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken,
    service,
    region,
    datetime: new Date(signedAt).toISOString().replace(/[:-]|\.\d{3}/g, ''),
  });
  const signed = await signer.sign();
  const target = new URL(signed.url);
  const headers = new Map<string, string[]>([['host', [target.host]]]);
  signed.headers.forEach((value, name) => {
    headers.set(name, [value]);
  });
  return {
    method: signed.method,
    rawPath: target.pathname,
    rawQuery: target.search.slice(1),
    headers,
    body: new TextEncoder().encode(init.body ?? ''),
  };
}

const verify = (request: SignedRequest) =>
  verifySigV4(request, { service, region, credentials: store, now: signedAt + 1000 });

describe('requests signed by aws4fetch (the SPA) verify', () => {
  it('a GET with a query (type filter and cursor) on a local host with its port', async () => {
    // Prepare
    const request = await signWithAws4fetch(
      'http://127.0.0.1:3001/prod/pets?type=dog&cursor=eyJpZCI6IngifQ%3D%3D&limit=20',
    );
    // Act
    const result = await verify(request);
    // Assess
    expect(result.ok).toBe(true);
  });

  it('a POST with a JSON body and an X-Id-Token header, which aws4fetch signs too', async () => {
    // Prepare
    const request = await signWithAws4fetch('http://127.0.0.1:3001/pets/p-1/purchase', {
      method: 'POST',
      body: '{"note":"for Bea"}',
      headers: {
        'content-type': 'application/json',
        'x-id-token': 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
      },
    });
    // Act
    const result = await verify(request);
    // Assess
    expect(request.headers.get('authorization')?.[0]).toContain('x-id-token');
    expect(result.ok).toBe(true);
  });

  it('fails once its body is changed after signing', async () => {
    // Prepare
    const request = await signWithAws4fetch('http://127.0.0.1:3001/pets', {
      method: 'POST',
      body: '{"type":"dog","price":10}',
      headers: { 'content-type': 'application/json' },
    });
    const tampered = { ...request, body: new TextEncoder().encode('{"type":"dog","price":1}') };
    // Act
    const result = await verify(tampered);
    // Assess
    expect(result).toMatchObject({ ok: false, failure: { reason: 'bad-signature' } });
  });
});
