import { once } from 'node:events';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeLogValue, formatCall } from '../src/log/sts-logger';
import { assumeRoleParameters, callSts } from './support/sts-call';
import { petRoleTags, startTestSts, type TestSts } from './support/test-sts';

let t: TestSts;
beforeAll(async () => {
  t = await startTestSts();
});
afterAll(() => t.close());

describe('log: one line per call, never a secret', () => {
  it('writes one entry per call with action, role, session, subject and outcome', async () => {
    const before = t.calls.length;
    const token = await t.idp.sign({
      sub: 'database|ada',
      aud: 'petstore-web',
      ...petRoleTags('admin'),
    });
    await callSts(
      t.sts.url,
      assumeRoleParameters(t.roleArn('AdminRole'), token, { RoleSessionName: 'ada' }),
    );
    expect(t.calls.length).toBe(before + 1);
    expect(t.calls.at(-1)).toMatchObject({
      action: 'AssumeRoleWithWebIdentity',
      status: 200,
      outcome: 'ok',
      role: 'AdminRole',
      session: 'ada',
      subject: 'database|ada',
    });
  });

  it('says precisely why a call was refused while the caller gets the quiet answer', async () => {
    const token = await t.idp.sign({
      sub: 'database|ada',
      aud: 'not-a-client',
      ...petRoleTags('admin'),
    });
    await callSts(t.sts.url, assumeRoleParameters(t.roleArn('AdminRole'), token));
    expect(t.calls.at(-1)).toMatchObject({
      outcome: 'InvalidIdentityToken',
      reason: 'aud "not-a-client" is not in the ClientIdList of OidcProvider',
    });
  });

  it('never writes the token, the secret key, the session token or a signature', async () => {
    const token = await t.idp.sign({
      sub: 'database|ada',
      aud: 'petstore-web',
      ...petRoleTags('admin'),
    });
    const before = t.calls.length;
    const answer = await callSts(t.sts.url, assumeRoleParameters(t.roleArn('AdminRole'), token));
    const { Credentials } =
      answer.xml.AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult;
    const signature = 'f'.repeat(64);
    await callSts(
      t.sts.url,
      { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      {
        headers: {
          authorization: `AWS4-HMAC-SHA256 Credential=${Credentials.AccessKeyId}/20261121/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=${signature}`,
          'x-amz-date': '20261121T100000Z',
          'x-amz-security-token': Credentials.SessionToken,
        },
      },
    );
    const lines = [...t.calls.slice(before).map(formatCall), ...t.messages].join('\n');
    expect(t.calls.length).toBe(before + 2);
    for (const secret of [
      token,
      token.split('.')[2] ?? '',
      Credentials.SecretAccessKey,
      Credentials.SessionToken,
      signature,
    ]) {
      expect(lines).not.toContain(secret);
    }
  });

  it('a client that leaves before its body has arrived is one warning line: no stack, no call entry', async () => {
    // Prepare
    const calls = t.calls.length;
    const messages = t.messages.length;
    const socket = connect(Number(new URL(t.sts.url).port), '127.0.0.1');
    socket.on('error', () => {});
    await once(socket, 'connect');
    socket.write(
      'POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nAction=Get',
    );

    // Act
    socket.destroy();

    // Assess
    await expect
      .poll(() => t.messages.slice(messages))
      .toEqual([
        expect.stringMatching(
          /^[0-9a-f-]{36}: the client closed the connection after \d+ bytes of its body$/,
        ),
      ]);
    expect(t.calls.length).toBe(calls);
  });

  it('escapes client-chosen values: a session name with a line break stays on one line', async () => {
    const token = await t.idp.sign({ sub: 'database|ada', aud: 'petstore-web' });
    await callSts(
      t.sts.url,
      assumeRoleParameters(t.roleArn('AdminRole'), token, {
        RoleSessionName: 'x\n[sts] forged line',
      }),
    );
    const line = formatCall(
      t.calls.at(-1) ?? { requestId: '', action: '', status: 0, outcome: '', latencyMs: 0 },
    );
    expect(line).not.toContain('\n');
    expect(line).toContain('session="x\\n[sts] forged line"');
  });
});

describe('escapeLogValue', () => {
  it('keeps plain values and quotes others as JSON with non-ASCII escaped, cut at 256 characters', () => {
    expect(escapeLogValue('arn:aws:iam::123456789012:role/petstore/local-buyer')).toBe(
      'arn:aws:iam::123456789012:role/petstore/local-buyer',
    );
    expect(escapeLogValue('a "b"')).toBe('"a \\"b\\""');
    expect(escapeLogValue('caf\u00e9\u202e')).toBe('"caf\\u00e9\\u202e"');
    expect(escapeLogValue('x'.repeat(300))).toBe(`"${'x'.repeat(256)}..."`);
  });
});
