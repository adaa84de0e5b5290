import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { fromWebToken } from '@aws-sdk/credential-providers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callSts, errorOf } from './support/sts-call';
import { manualClock, petRoleTags, startTestSts, type TestSts } from './support/test-sts';

// The real AWS SDK v3 against the local STS: its XML parser reads our answers, its signer signs
// GetCallerIdentity (service sts, region us-east-1), as a user's code would.
const region = 'us-east-1';
const clock = manualClock(Date.now());
let t: TestSts;
beforeAll(async () => {
  t = await startTestSts({ clock: clock.now });
});
afterAll(() => t.close());

async function webTokenCredentials(
  role: string,
  claims: Record<string, unknown>,
  sessionName = 'sdk-session',
) {
  const provider = fromWebToken({
    roleArn: t.roleArn(role),
    roleSessionName: sessionName,
    webIdentityToken: await t.idp.sign(claims, { now: clock.now() }),
    clientConfig: { endpoint: t.sts.url, region },
  });
  return provider();
}

const stsClient = (
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  systemClockOffset = 0,
) => new STSClient({ endpoint: t.sts.url, region, credentials, systemClockOffset, maxAttempts: 1 });

async function sdkError(
  promise: Promise<unknown>,
): Promise<{ name: string; message: string; status?: number }> {
  try {
    await promise;
  } catch (error) {
    const { name, message, $metadata } = error as Error & {
      $metadata?: { httpStatusCode?: number };
    };
    return {
      name,
      message,
      ...($metadata?.httpStatusCode ? { status: $metadata.httpStatusCode } : {}),
    };
  }
  throw new Error('the call succeeded');
}

describe('AWS SDK v3 fromWebToken and GetCallerIdentity', () => {
  it('fromWebToken pointed at the local STS gets credentials that expire as STS said', async () => {
    const credentials = await webTokenCredentials('AdminRole', {
      sub: 'database|ada',
      aud: 'petstore-web',
      ...petRoleTags('admin'),
    });
    expect(credentials.accessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(credentials.secretAccessKey).toHaveLength(40);
    expect(credentials.sessionToken).toBeTruthy();
    expect(credentials.expiration?.getTime()).toBe(
      Math.floor(clock.now() / 1000) * 1000 + 3_600_000,
    );
  });

  it('GetCallerIdentity signed with those credentials answers the assumed-role ARN', async () => {
    const credentials = await webTokenCredentials(
      'BuyerRole',
      { sub: 'amazon-demo|bea', aud: 'petstore-web', ...petRoleTags('buyer') },
      'bea',
    );
    const identity = await stsClient(credentials).send(new GetCallerIdentityCommand({}));
    const role = t.sts.iam.roles.get('BuyerRole');
    expect(identity).toMatchObject({
      Arn: 'arn:aws:sts::123456789012:assumed-role/local-buyer/bea',
      UserId: `${role?.roleId}:bea`,
      Account: '123456789012',
    });
  });

  it('the SDK reads our error XML: AccessDenied for the other role, InvalidIdentityToken for a bad audience', async () => {
    const asAdmin = sdkError(
      webTokenCredentials('AdminRole', {
        sub: 'amazon-demo|bea',
        aud: 'petstore-web',
        ...petRoleTags('buyer'),
      }),
    );
    expect(await asAdmin).toMatchObject({
      name: 'AccessDenied',
      message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
      status: 403,
    });
    const wrongAudience = sdkError(
      webTokenCredentials('AdminRole', { sub: 'database|ada', aud: 'elsewhere' }),
    );
    expect(await wrongAudience).toMatchObject({
      name: 'InvalidIdentityTokenException',
      message: 'Incorrect token audience',
      status: 400,
    });
  });
});

describe('GetCallerIdentity refusals (SigV4)', () => {
  let issued: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  beforeAll(async () => {
    issued = await webTokenCredentials('AdminRole', {
      sub: 'database|ada',
      aud: 'petstore-web',
      ...petRoleTags('admin'),
    });
  });

  it('unsigned: 403 MissingAuthenticationToken "Request is missing Authentication Token"', async () => {
    // Seen from STS (aws/aws-sdk-java#2317): status 403, code MissingAuthenticationToken.
    const answer = await callSts(t.sts.url, { Action: 'GetCallerIdentity', Version: '2011-06-15' });
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatchObject({
      code: 'MissingAuthenticationToken',
      message: 'Request is missing Authentication Token',
    });
  });

  it('malformed Authorization header: 400 IncompleteSignature', async () => {
    // Seen from STS: IncompleteSignature, 400 (hashicorp/vault#4939; jenkinsci/aws-credentials-plugin#72).
    const answer = await callSts(
      t.sts.url,
      { Action: 'GetCallerIdentity', Version: '2011-06-15' },
      {
        headers: {
          authorization: 'AWS4-HMAC-SHA256 Credential=ASIAONLY',
          'x-amz-date': '20261121T100000Z',
        },
      },
    );
    expect(answer.status).toBe(400);
    expect(errorOf(answer).code).toBe('IncompleteSignature');
  });

  it('wrong secret key: 403 SignatureDoesNotMatch', async () => {
    // Seen from STS for GetCallerIdentity (hashicorp/terraform#23701; 403 in terraform-provider-aws#35860).
    const error = await sdkError(
      stsClient({ ...issued, secretAccessKey: 'x'.repeat(40) }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(error.message).toMatch(
      /^The request signature we calculated does not match the signature you provided/,
    );
  });

  it('signed for another region: 403 SignatureDoesNotMatch about the scope', async () => {
    const client = new STSClient({
      endpoint: t.sts.url,
      region: 'eu-west-1',
      credentials: issued,
      maxAttempts: 1,
    });
    const error = await sdkError(client.send(new GetCallerIdentityCommand({})));
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(error.message).toContain('Credential should be scoped to a valid region');
  });

  it('signed 20 minutes ago: 403 SignatureDoesNotMatch "Signature expired"', async () => {
    // Seen from STS for GetCallerIdentity (aws/aws-cli#6676). 20 minutes is beyond both the shared
    // verifier's window (5) and STS's (15).
    const error = await sdkError(
      stsClient(issued, -20 * 60_000).send(new GetCallerIdentityCommand({})),
    );
    expect(error).toMatchObject({ name: 'SignatureDoesNotMatch', status: 403 });
    expect(error.message).toMatch(
      /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z/,
    );
  });

  it('unknown access key or wrong session token: 403 InvalidClientTokenId', async () => {
    // Seen from STS, raw XML (aws-azure-login/aws-azure-login#251): no final period.
    const unknown = await sdkError(
      stsClient({
        accessKeyId: 'ASIAQQQQQQQQQQQQQQQQ',
        secretAccessKey: issued.secretAccessKey,
        sessionToken: 'x',
      }).send(new GetCallerIdentityCommand({})),
    );
    expect(unknown).toMatchObject({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid',
      status: 403,
    });
    const wrongToken = await sdkError(
      stsClient({ ...issued, sessionToken: 'not-the-issued-token' }).send(
        new GetCallerIdentityCommand({}),
      ),
    );
    expect(wrongToken).toMatchObject({ name: 'InvalidClientTokenId', status: 403 });
  });

  it('credentials past their expiry (injected clock): 403 ExpiredToken', async () => {
    // Seen from STS for GetCallerIdentity (miquella/vaulted#107; raw XML in cfn-sphere/cfn-sphere#55).
    const hour = 3_601_000;
    clock.advance(hour);
    try {
      const error = await sdkError(stsClient(issued, hour).send(new GetCallerIdentityCommand({})));
      expect(error).toMatchObject({
        name: 'ExpiredToken',
        message: 'The security token included in the request is expired',
        status: 403,
      });
    } finally {
      clock.advance(-hour);
    }
  });
});
