import { describe, expect, it } from 'vitest';
import type { CredentialStore } from '../src/credentials';
import { MemoryCredentialStore } from '../src/memory-credential-store';
import { type SignedRequest, type SigV4Result, verifySigV4 } from '../src/verify-request';
import {
  type ClientRequest,
  region,
  type SignOptions,
  service,
  sign,
  signedAt,
  temporaryCredentials,
  withHeader,
} from './support/sign';

const credentials = temporaryCredentials();
const store = new MemoryCredentialStore({ clock: () => signedAt });
store.add(credentials);

const verify = (
  request: SignedRequest,
  overrides: { now?: number; credentials?: CredentialStore } = {},
) =>
  verifySigV4(request, {
    service,
    region,
    credentials: overrides.credentials ?? store,
    now: overrides.now ?? signedAt + 1000,
  });

const signAndVerify = async (client: ClientRequest, options?: SignOptions) =>
  verify(await sign(client, options));

function failure(result: SigV4Result) {
  if (result.ok) throw new Error('expected a failure');
  return result.failure;
}

const badSignature =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

describe('requests signed by the real signer verify', () => {
  it('a GET as the AWS SDK signs it (x-amz-content-sha256 signed), with the assumed-role credentials', async () => {
    const result = await signAndVerify({ path: '/prod/pets' });
    expect(result).toEqual({ ok: true, credentials });
  });

  it('a POST with a JSON body, with and without a signed x-amz-content-sha256', async () => {
    const post = {
      method: 'POST',
      path: '/prod/pets',
      headers: { 'content-type': 'application/json' },
      body: '{"type":"dog","price":249.99}',
    };
    expect((await signAndVerify(post)).ok).toBe(true);
    expect((await signAndVerify(post, { applyChecksum: false })).ok).toBe(true);
  });

  it('paths with an escaped space, `%2F`, `+`, `~` and unicode (escaped once more by SigV4)', async () => {
    for (const path of [
      '/prod/pets/a%20b',
      '/prod/pets/a%2Fb',
      '/prod/pets/a+b',
      '/prod/pets/~x',
      '/prod/pets/%C3%A9t%C3%A9',
    ]) {
      expect({ path, ok: (await signAndVerify({ path })).ok }).toEqual({ path, ok: true });
    }
  });

  it('several values of one query parameter, an empty value, reserved characters', async () => {
    const query = { type: ['dog', 'cat'], cursor: '', q: 'a b+c/d=e&f' };
    expect((await signAndVerify({ query })).ok).toBe(true);
  });

  it('`+` in a raw query is a space, as form encoders (and aws4fetch) write it', async () => {
    const signed = await sign({ query: { q: 'a b' } });
    expect(signed.rawQuery).toBe('q=a%20b');
    expect((await verify({ ...signed, rawQuery: 'q=a+b' })).ok).toBe(true);
  });

  it('a repeated header: its values are joined with `,` (SigV4), as sent on separate lines', async () => {
    const signed = await sign({ headers: { 'x-pet-tags': 'a,b' } });
    expect((await verify(withHeader(signed, 'x-pet-tags', ['a', ' b ']))).ok).toBe(true);
  });

  it('header values: runs of spaces fold to one and the ends are trimmed', async () => {
    const signed = await sign({ headers: { 'x-note': '  two   spaces\there  ' } });
    expect((await verify(signed)).ok).toBe(true);
    expect((await verify(withHeader(signed, 'x-note', ['two spaces here']))).ok).toBe(true);
  });

  it('an unsigned header may be added or changed (user-agent is never signed by the SDK)', async () => {
    const signed = await sign({ headers: { 'user-agent': 'aws-sdk-js/3' } });
    expect((await verify(withHeader(signed, 'user-agent', ['something else']))).ok).toBe(true);
    expect((await verify(withHeader(signed, 'x-forwarded-for', ['10.0.0.1']))).ok).toBe(true);
  });

  it('the request dated 5 minutes before or after the clock still verifies', async () => {
    const signed = await sign({});
    expect((await verify(signed, { now: signedAt + 5 * 60_000 })).ok).toBe(true);
    expect((await verify(signed, { now: signedAt - 5 * 60_000 })).ok).toBe(true);
  });
});

describe('tampering with any signed part fails with bad-signature', () => {
  const tampered = async (change: (request: SignedRequest) => SignedRequest) => {
    const signed = await sign(
      {
        method: 'POST',
        path: '/prod/pets/7/purchase',
        query: { note: 'x' },
        headers: { 'x-pet-tags': 'gift' },
        body: '{"quantity":1}',
      },
      { applyChecksum: false },
    );
    expect((await verify(signed)).ok).toBe(true);
    return failure(await verify(change(signed)));
  };

  it('the method, the path, the query, a signed header, the body', async () => {
    const changes: Record<string, (request: SignedRequest) => SignedRequest> = {
      method: (request) => ({ ...request, method: 'DELETE' }),
      path: (request) => ({ ...request, rawPath: '/prod/pets/8/purchase' }),
      'path case': (request) => ({ ...request, rawPath: '/prod/Pets/7/purchase' }),
      query: (request) => ({ ...request, rawQuery: 'note=y' }),
      'query added': (request) => ({ ...request, rawQuery: 'note=x&admin=true' }),
      header: (request) => withHeader(request, 'x-pet-tags', ['stolen']),
      host: (request) => withHeader(request, 'host', ['127.0.0.1:3001']),
      body: (request) => ({ ...request, body: new TextEncoder().encode('{"quantity":9}') }),
    };
    for (const [part, change] of Object.entries(changes)) {
      const { reason, message } = await tampered(change);
      expect({ part, reason, message }).toEqual({
        part,
        reason: 'bad-signature',
        message: badSignature,
      });
    }
  });

  it('a body that is not the one a signed x-amz-content-sha256 names', async () => {
    const signed = await sign({ method: 'POST', body: '{"a":1}' });
    const { reason, detail } = failure(
      await verify({ ...signed, body: new TextEncoder().encode('{"a":2}') }),
    );
    expect([reason, detail]).toEqual([
      'bad-signature',
      'x-amz-content-sha256 is not the SHA-256 of the body',
    ]);
  });

  it('UNSIGNED-PAYLOAD is refused, even when signed (our choice: the body must be covered)', async () => {
    const signed = await sign({
      method: 'POST',
      body: '{}',
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    expect(failure(await verify(signed)).detail).toBe('UNSIGNED-PAYLOAD is refused');
  });

  it('another secret key, or a signature that is not 64 hex digits', async () => {
    const forged = await sign(
      {},
      { credentials: temporaryCredentials({ secretAccessKey: 'not-the-secret' }) },
    );
    expect(failure(await verify(forged)).reason).toBe('bad-signature');
    const signed = await sign({});
    const [authorization = ''] = signed.headers.get('authorization') ?? [];
    const upper = authorization.replace(
      /Signature=([0-9a-f]+)$/,
      (_, hex: string) => `Signature=${hex.toUpperCase()}`,
    );
    expect(failure(await verify(withHeader(signed, 'authorization', [upper]))).reason).toBe(
      'bad-signature',
    );
  });

  it('a signed header that is not sent, or x-amz-date left unsigned', async () => {
    const signed = await sign({ headers: { 'x-pet-tags': 'gift' } });
    expect(failure(await verify(withHeader(signed, 'x-pet-tags', undefined))).detail).toBe(
      'signed header "x-pet-tags" cannot be verified',
    );
    const [authorization = ''] = signed.headers.get('authorization') ?? [];
    const noDate = authorization.replace(';x-amz-date', '');
    expect(failure(await verify(withHeader(signed, 'authorization', [noDate]))).detail).toBe(
      'x-amz-date is not signed',
    );
  });
});

describe('each failure reason, with the message AWS answers', () => {
  it('missing: no Authorization header', async () => {
    const signed = await sign({});
    expect(failure(await verify(withHeader(signed, 'authorization', undefined)))).toMatchObject({
      reason: 'missing',
      message: 'Missing Authentication Token',
    });
  });

  it('incomplete: every missing parameter and the missing date, in AWS order', async () => {
    const signed = withHeader(await sign({}), 'x-amz-date', undefined);
    const bearer = withHeader(signed, 'authorization', ['Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln']);
    expect(failure(await verify(bearer))).toMatchObject({
      reason: 'incomplete',
      message:
        "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    });
    const onlyCredential = withHeader(await sign({}), 'authorization', [
      'AWS4-HMAC-SHA256 Credential=ABCDEF',
    ]);
    expect(failure(await verify(onlyCredential)).message).toBe(
      "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter.",
    );
  });

  it('incomplete: the header value is never echoed (AWS appends it; it can hold a token)', async () => {
    const bearer = withHeader(await sign({}), 'authorization', ['Bearer secret-token-value']);
    const { message, detail } = failure(await verify(bearer));
    expect(`${message} ${detail}`).not.toContain('secret-token-value');
  });

  it('incomplete: a Credential without 5 elements, a bad terminator, a malformed X-Amz-Date', async () => {
    const signed = await sign({});
    const [authorization = ''] = signed.headers.get('authorization') ?? [];
    const fourParts = authorization.replace('/aws4_request', '');
    expect(failure(await verify(withHeader(signed, 'authorization', [fourParts])))).toMatchObject({
      reason: 'incomplete',
      message:
        'Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term',
    });
    const terminator = authorization.replace('/aws4_request', '/aws4_reques');
    expect(failure(await verify(withHeader(signed, 'authorization', [terminator]))).message).toBe(
      "Credential should be scoped with a valid terminator: 'aws4_request', not 'aws4_reques'. ",
    );
    for (const date of ['2026-11-21T10:15:00Z', '20261321T101500Z', '20261121T101500']) {
      expect(failure(await verify(withHeader(signed, 'x-amz-date', [date]))).reason).toBe(
        'incomplete',
      );
    }
  });

  it('incomplete: host not signed', async () => {
    const signed = await sign({});
    const [authorization = ''] = signed.headers.get('authorization') ?? [];
    const noHost = authorization.replace('SignedHeaders=host;', 'SignedHeaders=');
    expect(failure(await verify(withHeader(signed, 'authorization', [noHost])))).toMatchObject({
      reason: 'incomplete',
      message: "'Host' must be a 'SignedHeader' in the AWS Authorization.",
    });
  });

  it('bad-signature: the scope date is not the X-Amz-Date’s', async () => {
    const signed = await sign({});
    const later = withHeader(signed, 'x-amz-date', ['20261122T101500Z']);
    expect(failure(await verify(later, { now: Date.UTC(2026, 10, 22, 10, 15) }))).toMatchObject({
      reason: 'bad-signature',
      message:
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20261121' != '20261122', from '20261122T101500Z'.",
    });
  });

  it('bad-signature: the wrong region, the wrong service, or both (messages concatenated)', async () => {
    expect(failure(await signAndVerify({}, { region: 'eu-west-9' }))).toMatchObject({
      reason: 'bad-signature',
      message: "Credential should be scoped to a valid region, not 'eu-west-9'. ",
    });
    expect(failure(await signAndVerify({}, { service: 'execute' })).message).toBe(
      "Credential should be scoped to correct service: 'execute-api'. ",
    );
    expect(failure(await signAndVerify({}, { region: 'us-east-1', service: 's3' })).message).toBe(
      "Credential should be scoped to a valid region, not 'us-east-1'. Credential should be scoped to correct service: 'execute-api'. ",
    );
  });

  it('expired-signature and not-yet-current: more than 5 minutes from the clock', async () => {
    const signed = await sign({});
    expect(failure(await verify(signed, { now: signedAt + 5 * 60_000 + 1000 }))).toMatchObject({
      reason: 'expired-signature',
      message:
        'Signature expired: 20261121T101500Z is now earlier than 20261121T101501Z (20261121T102001Z - 5 min.)',
    });
    expect(failure(await verify(signed, { now: signedAt - 5 * 60_000 - 1000 }))).toMatchObject({
      reason: 'not-yet-current',
      message:
        'Signature not yet current: 20261121T101500Z is still later than 20261121T101459Z (20261121T100959Z + 5 min.)',
    });
  });

  it('unknown-key: an access key id the store does not have', async () => {
    const stranger = temporaryCredentials({ accessKeyId: 'ASIAUNKNOWN000000001' });
    expect(failure(await signAndVerify({}, { credentials: stranger }))).toMatchObject({
      reason: 'unknown-key',
      message: 'The security token included in the request is invalid.',
    });
  });

  it('bad-session-token: missing, another one, or sent twice', async () => {
    const signed = await sign({});
    const cases = [
      withHeader(signed, 'x-amz-security-token', undefined),
      withHeader(signed, 'x-amz-security-token', ['another-token']),
      withHeader(signed, 'x-amz-security-token', [
        credentials.sessionToken,
        credentials.sessionToken,
      ]),
    ];
    for (const request of cases) {
      expect(failure(await verify(request))).toMatchObject({
        reason: 'bad-session-token',
        message: 'The security token included in the request is invalid.',
      });
    }
  });

  it('expired-credentials: the temporary credentials are past their expiry', async () => {
    const expired = new MemoryCredentialStore({ clock: () => signedAt });
    expired.add({ ...credentials, expiresAt: signedAt });
    expect(failure(await verify(await sign({}), { credentials: expired }))).toMatchObject({
      reason: 'expired-credentials',
      message: 'The security token included in the request is expired',
    });
  });

  it('no detail carries the secret key, the session token or a signature', async () => {
    const signed = await sign({});
    const [authorization = ''] = signed.headers.get('authorization') ?? [];
    const signature = /Signature=(\w+)/.exec(authorization)?.[1] ?? 'none';
    const failures = [
      failure(await verify(withHeader(signed, 'x-amz-security-token', ['another-token']))),
      failure(await verify({ ...signed, method: 'DELETE' })),
      failure(await verify(signed, { now: signedAt + 3600_000 })),
    ];
    for (const { detail, message } of failures) {
      for (const secret of [
        credentials.secretAccessKey,
        credentials.sessionToken,
        'another-token',
        signature,
      ]) {
        expect(`${detail} ${message}`).not.toContain(secret);
      }
    }
  });
});
