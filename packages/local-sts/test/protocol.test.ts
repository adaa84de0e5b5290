import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeRoleParameters, callSts, errorOf } from './support/sts-call';
import { petRoleTags, startTestSts, type TestSts } from './support/test-sts';

let t: TestSts;
beforeAll(async () => {
  t = await startTestSts();
});
afterAll(() => t.close());

describe('Query protocol', () => {
  it('answers an error as STS does: ErrorResponse with Type, Code, Message and RequestId, text/xml, x-amzn-RequestId', async () => {
    // Raw STS error captured by a user (aws-azure-login/aws-azure-login#251): the XML shape, the
    // namespace, Content-Type text/xml and the x-amzn-RequestId header equal to the body's RequestId.
    const answer = await callSts(t.sts.url, { Version: '2011-06-15' });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toBe('text/xml');
    expect(answer.xml.ErrorResponse['@_xmlns']).toBe('https://sts.amazonaws.com/doc/2011-06-15/');
    const error = errorOf(answer);
    expect(error.type).toBe('Sender');
    expect(answer.headers.get('x-amzn-requestid')).toBe(error.requestId);
    expect(error.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers MissingAction (400) when Action is missing', async () => {
    // AWS's common errors of Query APIs: MissingAction, HTTP 400 (wording unconfirmed).
    const answer = await callSts(t.sts.url, { Version: '2011-06-15' });
    expect(errorOf(answer)).toMatchObject({
      code: 'MissingAction',
      message: 'The request is missing an action or a required parameter.',
    });
  });

  it('answers InvalidAction (400) naming the operation and version for an unknown action', async () => {
    // SES (same Query family) answered "Could not find operation GetSendStatistics for version
    // 2012-12-01" with InvalidAction (aws/aws-cli#37).
    const answer = await callSts(t.sts.url, { Action: 'StealCredentials', Version: '2011-06-15' });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({
      code: 'InvalidAction',
      message: 'Could not find operation StealCredentials for version 2011-06-15',
    });
  });

  it('answers InvalidAction for a known action with another Version, and without Version', async () => {
    const other = await callSts(t.sts.url, { Action: 'GetCallerIdentity', Version: '2099-01-01' });
    expect(errorOf(other)).toMatchObject({
      code: 'InvalidAction',
      message: 'Could not find operation GetCallerIdentity for version 2099-01-01',
    });
    const none = await callSts(t.sts.url, { Action: 'GetCallerIdentity' });
    expect(errorOf(none)).toMatchObject({
      code: 'InvalidAction',
      message: 'Could not find operation GetCallerIdentity for version NO_VERSION_SPECIFIED',
    });
  });

  it('says that a real STS action is not emulated rather than unknown', async () => {
    const answer = await callSts(t.sts.url, { Action: 'AssumeRole', Version: '2011-06-15' });
    expect(errorOf(answer).code).toBe('InvalidAction');
    expect(errorOf(answer).message).toContain(
      'emulates AssumeRoleWithWebIdentity and GetCallerIdentity only',
    );
  });

  it('accepts AssumeRoleWithWebIdentity as a GET with the parameters in the query string', async () => {
    const token = await t.idp.sign({
      sub: 'database|ada',
      aud: 'petstore-web',
      ...petRoleTags('admin'),
    });
    const answer = await callSts(t.sts.url, assumeRoleParameters(t.roleArn('AdminRole'), token), {
      method: 'GET',
    });
    expect(answer.status).toBe(200);
    expect(
      answer.xml.AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult,
    ).toBeDefined();
  });

  it('refuses other methods with 405', async () => {
    const response = await fetch(`${t.sts.url}/`, {
      method: 'PUT',
      body: 'Action=GetCallerIdentity',
    });
    expect(response.status).toBe(405);
  });

  it('refuses a body over 64 KiB with 413 before reading it all', async () => {
    const response = await fetch(`${t.sts.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `Action=GetCallerIdentity&Version=2011-06-15&Padding=${'x'.repeat(70_000)}`,
    });
    expect(response.status).toBe(413);
  });
});

describe('CORS (the SPA calls STS from the browser)', () => {
  it('answers a preflight from any origin with the methods and the asked headers', async () => {
    const response = await fetch(`${t.sts.url}/`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, amz-sdk-invocation-id, amz-sdk-request',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')).toBe(
      'content-type, amz-sdk-invocation-id, amz-sdk-request',
    );
  });

  it('puts CORS headers on answers, errors included, and lets the page read x-amzn-RequestId', async () => {
    const answer = await callSts(
      t.sts.url,
      { Version: '2011-06-15' },
      { headers: { origin: 'https://app.example.com' } },
    );
    expect(answer.headers.get('access-control-allow-origin')).toBe('*');
    expect(answer.headers.get('access-control-expose-headers')).toBe('x-amzn-RequestId');
  });
});
