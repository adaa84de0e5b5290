import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeRoleParameters, callSts, errorOf } from './support/sts-call';
import { manualClock, petRoleTags, startTestSts, type TestSts } from './support/test-sts';

const clock = manualClock();
let t: TestSts;
let adminToken: string;
beforeAll(async () => {
  t = await startTestSts({ clock: clock.now });
  adminToken = await t.idp.sign(
    { sub: 'database|ada', aud: 'petstore-web', ...petRoleTags('admin') },
    { now: clock.now() },
  );
});
afterAll(() => t.close());

async function assume(extra: Record<string, string>, role = 'AdminRole') {
  return callSts(t.sts.url, assumeRoleParameters(t.roleArn(role), adminToken, extra));
}

describe('AssumeRoleWithWebIdentity parameter bounds (ValidationError, 400)', () => {
  it('refuses a RoleSessionName outside [\\w+=,.@-]* with the recorded message', async () => {
    // Recorded from STS in LocalStack's snapshot tests (test_sts_invalid_parameters) for 'Session1:2'.
    const answer = await assume({ RoleSessionName: 'Session1:2' });
    expect(answer.status).toBe(400);
    expect(errorOf(answer)).toMatchObject({
      type: 'Sender',
      code: 'ValidationError',
      message:
        "1 validation error detected: Value 'Session1:2' at 'roleSessionName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]*",
    });
  });

  it('refuses a RoleSessionName of 65 characters with the recorded message', async () => {
    // Recorded from STS in LocalStack's snapshot tests (test_assume_role_session_name_too_long).
    const name = 's'.repeat(65);
    expect(errorOf(await assume({ RoleSessionName: name })).message).toBe(
      `1 validation error detected: Value '${name}' at 'roleSessionName' failed to satisfy constraint: Member must have length less than or equal to 64`,
    );
  });

  it('refuses a one-character RoleSessionName (at least 2)', async () => {
    expect(errorOf(await assume({ RoleSessionName: 'a' })).message).toBe(
      "1 validation error detected: Value 'a' at 'roleSessionName' failed to satisfy constraint: Member must have length greater than or equal to 2",
    );
  });

  it('lists every missing required parameter as "Value null ... Member must not be null"', async () => {
    // STS quoted through the C++ SDK (aws/aws-sdk-cpp#1252): "Value null at 'roleSessionName' ...
    // Member must not be null"; several violations are counted and joined by "; " (aws-runas#80).
    const answer = await callSts(t.sts.url, {
      Action: 'AssumeRoleWithWebIdentity',
      Version: '2011-06-15',
    });
    expect(errorOf(answer)).toMatchObject({
      code: 'ValidationError',
      message:
        "3 validation errors detected: Value null at 'roleArn' failed to satisfy constraint: Member must not be null; Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null; Value at 'webIdentityToken' failed to satisfy constraint: Member must not be null",
    });
  });

  it('refuses an empty RoleArn on both its pattern and its length, as STS lists them', async () => {
    // STS's answer quoted in mmmorris1975/aws-runas#80 for an empty roleArn.
    expect(errorOf(await assume({ RoleArn: '' })).message).toBe(
      "2 validation errors detected: Value '' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+; Value '' at 'roleArn' failed to satisfy constraint: Member must have length greater than or equal to 20",
    );
  });

  it('refuses a DurationSeconds under 900 with the recorded message', async () => {
    // STS's answer for 600 quoted in goldstack/goldstack#425.
    expect(errorOf(await assume({ DurationSeconds: '600' })).message).toBe(
      "1 validation error detected: Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900",
    );
  });

  it('refuses a DurationSeconds over 43200', async () => {
    expect(errorOf(await assume({ DurationSeconds: '43201' })).message).toBe(
      "1 validation error detected: Value '43201' at 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
  });

  it('refuses a DurationSeconds over the role MaxSessionDuration with the recorded message', async () => {
    // Seen from STS (kreuzwerker/awsu#27, GuildEducationInc/aws-jumpcloud#49).
    const answer = await assume({ DurationSeconds: '7201' });
    expect(errorOf(answer)).toMatchObject({
      code: 'ValidationError',
      message: 'The requested DurationSeconds exceeds the MaxSessionDuration set for this role.',
    });
  });

  it('grants up to the role MaxSessionDuration (7200 on the admin role)', async () => {
    const answer = await assume({ DurationSeconds: '7200' });
    expect(answer.status).toBe(200);
    const { Expiration } =
      answer.xml.AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult.Credentials;
    expect(Date.parse(Expiration)).toBe(clock.now() - (clock.now() % 1000) + 7200_000);
  });

  it('refuses a session Policy over 2048 characters', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [],
      Padding: 'x'.repeat(2048),
    });
    const message = errorOf(await assume({ Policy: policy })).message;
    expect(message).toMatch(
      /^1 validation error detected: Value '.*' at 'policy' failed to satisfy constraint: Member must have length less than or equal to 2048$/s,
    );
  });

  it('refuses a token under 4 characters without repeating the token in the message', async () => {
    const answer = await callSts(t.sts.url, assumeRoleParameters(t.roleArn('AdminRole'), 'abc'));
    expect(errorOf(answer).message).toBe(
      "1 validation error detected: Value at 'webIdentityToken' failed to satisfy constraint: Member must have length greater than or equal to 4",
    );
  });

  it('refuses a RoleArn that is not an ARN with the recorded message', async () => {
    // Recorded from STS in LocalStack's snapshot tests (malformed-arn).
    expect(errorOf(await assume({ RoleArn: 'nothing-valid-in-here' }))).toMatchObject({
      code: 'ValidationError',
      message: 'nothing-valid-in-here is invalid',
    });
    expect(errorOf(await assume({ RoleArn: 'arn:a:::something/test-role' })).message).toBe(
      'arn:a:::something/test-role is invalid',
    );
  });

  it('refuses ProviderId, which is for OAuth 2.0 access tokens, not OIDC ID tokens', async () => {
    const answer = await assume({ ProviderId: 'www.amazon.com' });
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('InvalidParameterValue');
  });

  it('refuses a session Policy that is not a policy with MalformedPolicyDocument', async () => {
    // MalformedPolicyDocument is STS's code for a Policy that is no policy (aws/aws-sdk-php smoke tests).
    for (const policy of ['{"temp":true}', 'not json', '{"Statement":[{"Action":"*"}]}']) {
      const answer = await assume({ Policy: policy });
      expect(answer.status).toBe(400);
      expect(errorOf(answer).code).toBe('MalformedPolicyDocument');
    }
  });
});
