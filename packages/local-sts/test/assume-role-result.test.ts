import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeRoleParameters, callSts, errorOf } from './support/sts-call';
import { manualClock, petRoleTags, startTestSts, type TestSts } from './support/test-sts';

const clock = manualClock(Date.parse('2026-11-21T10:00:00.250Z'));
let t: TestSts;
beforeAll(async () => {
  t = await startTestSts({ clock: clock.now });
});
afterAll(() => t.close());

const buyerClaims = { sub: 'amazon-demo|bea', aud: 'petstore-web', ...petRoleTags('buyer') };
async function assumeBuyer(
  extra: Record<string, string> = {},
  claims: Record<string, unknown> = buyerClaims,
) {
  const token = await t.idp.sign(claims, { now: clock.now() });
  return callSts(
    t.sts.url,
    assumeRoleParameters(t.roleArn('BuyerRole'), token, { RoleSessionName: 'bea', ...extra }),
  );
}

describe('AssumeRoleWithWebIdentity result', () => {
  it('answers the subject, audience, assumed-role user, credentials and provider in STS XML', async () => {
    const answer = await assumeBuyer();
    expect(answer.status).toBe(200);
    const response = answer.xml.AssumeRoleWithWebIdentityResponse;
    expect(response['@_xmlns']).toBe('https://sts.amazonaws.com/doc/2011-06-15/');
    expect(response.ResponseMetadata.RequestId).toBe(answer.headers.get('x-amzn-requestid'));
    const result = response.AssumeRoleWithWebIdentityResult;
    const role = t.sts.iam.roles.get('BuyerRole');
    expect(role?.name).toBe('local-buyer');
    expect(result.SubjectFromWebIdentityToken).toBe('amazon-demo|bea');
    expect(result.Audience).toBe('petstore-web');
    expect(result.Provider).toBe(t.idp.issuer);
    // The assumed-role ARN names the role without its path (/petstore/), then the session.
    expect(result.AssumedRoleUser).toEqual({
      Arn: 'arn:aws:sts::123456789012:assumed-role/local-buyer/bea',
      AssumedRoleId: `${role?.roleId}:bea`,
    });
    expect(role?.roleId).toMatch(/^AROA[A-Z0-9]{17}$/);
    const { AccessKeyId, SecretAccessKey, SessionToken, Expiration } = result.Credentials;
    expect(AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(SecretAccessKey).toHaveLength(40);
    expect(SessionToken.length).toBeGreaterThan(100);
    // Default duration one hour from the injected clock, ISO 8601 in UTC without milliseconds.
    expect(Expiration).toBe('2026-11-21T11:00:00Z');
  });

  it('answers PackedPolicySize when the session has tags or a policy, and leaves it out otherwise', async () => {
    const tagged = (await assumeBuyer()).xml.AssumeRoleWithWebIdentityResponse
      .AssumeRoleWithWebIdentityResult;
    expect(Number(tagged.PackedPolicySize)).toBeGreaterThan(0);
    const plain = await (async () => {
      const token = await t.idp.sign(
        { sub: 'database|ada', aud: 'petstore-web' },
        { now: clock.now() },
      );
      return callSts(t.sts.url, assumeRoleParameters(t.roleArn('DatabaseUserRole'), token));
    })();
    expect(plain.status).toBe(200);
    expect(
      plain.xml.AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult,
    ).not.toHaveProperty('PackedPolicySize');
  });

  it('keeps the credentials in the store with the session a verifier needs', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'execute-api:Invoke', Resource: '*' }],
    };
    const answer = await assumeBuyer({ Policy: JSON.stringify(policy), DurationSeconds: '900' });
    const { Credentials } =
      answer.xml.AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult;
    const stored = t.sts.credentials.find(Credentials.AccessKeyId);
    expect(stored).toMatchObject({
      secretAccessKey: Credentials.SecretAccessKey,
      sessionToken: Credentials.SessionToken,
      expiresAt: clock.now() + 900_000,
      session: {
        accountId: '123456789012',
        roleArn: 'arn:aws:iam::123456789012:role/petstore/local-buyer',
        roleName: 'local-buyer',
        sessionName: 'bea',
        assumedRoleArn: 'arn:aws:sts::123456789012:assumed-role/local-buyer/bea',
        subject: 'amazon-demo|bea',
        providerArn: t.sts.iam.oidcProviders[0]?.arn,
        sessionPolicy: policy,
      },
    });
    expect(stored?.session.principalTags).toEqual(new Map([['PetRole', 'buyer']]));
  });

  it('issues new credentials on every call', async () => {
    const first = (await assumeBuyer()).xml.AssumeRoleWithWebIdentityResponse
      .AssumeRoleWithWebIdentityResult;
    const second = (await assumeBuyer()).xml.AssumeRoleWithWebIdentityResponse
      .AssumeRoleWithWebIdentityResult;
    expect(first.Credentials.AccessKeyId).not.toBe(second.Credentials.AccessKeyId);
    expect(first.Credentials.SecretAccessKey).not.toBe(second.Credentials.SecretAccessKey);
  });

  it('refuses a token whose session tags claim is malformed, and issues nothing', async () => {
    const sizeBefore = t.sts.credentials.size;
    const answer = await assumeBuyer(
      {},
      { ...buyerClaims, 'https://aws.amazon.com/tags': { principal_tags: { PetRole: 'buyer' } } },
    );
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('InvalidIdentityToken');
    expect(t.sts.credentials.size).toBe(sizeBefore);
  });
});
