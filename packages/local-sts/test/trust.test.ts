import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalSts, TrustPolicyError } from '../src/start-local-sts';
import { assumeRoleParameters, callSts, errorOf } from './support/sts-call';
import { petRoleTags, startTestSts, type TestSts } from './support/test-sts';

// Seen from STS when the trust policy refuses (aws/aws-sdk-net#1522): 403 AccessDenied.
const denied = {
  code: 'AccessDenied',
  message: 'Not authorized to perform sts:AssumeRoleWithWebIdentity',
};

let t: TestSts;
beforeAll(async () => {
  t = await startTestSts();
});
afterAll(() => t.close());

const assume = async (role: string, claims: Record<string, unknown>) =>
  callSts(t.sts.url, assumeRoleParameters(t.roleArn(role), await t.idp.sign(claims)));
const lastCall = () => t.calls.at(-1);

describe('trust policy: the PetRole session tag chooses the role', () => {
  it('lets a token tagged PetRole=admin assume the admin role', async () => {
    const answer = await assume('AdminRole', {
      sub: 'database|ada',
      aud: 'petstore-web',
      ...petRoleTags('admin'),
    });
    expect(answer.status).toBe(200);
  });

  it('refuses a buyer asking for the admin role (403 AccessDenied), and logs which condition failed', async () => {
    const answer = await assume('AdminRole', {
      sub: 'amazon-demo|bea',
      aud: 'petstore-web',
      ...petRoleTags('buyer'),
    });
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatchObject({ type: 'Sender', ...denied });
    expect(lastCall()?.reason).toBe(
      'trust policy of AdminRole: sts:AssumeRoleWithWebIdentity implicit-deny for aud petstore-web, sub amazon-demo|bea, tags [PetRole=buyer]',
    );
  });

  it('lets the buyer assume the buyer role (a role with a RoleName and a Path)', async () => {
    const answer = await assume('BuyerRole', {
      sub: 'amazon-demo|bea',
      aud: 'petstore-web',
      ...petRoleTags('buyer'),
    });
    expect(answer.status).toBe(200);
  });

  it('refuses a token without tags for a role whose trust requires the tag', async () => {
    expect(
      errorOf(await assume('AdminRole', { sub: 'database|ada', aud: 'petstore-web' })),
    ).toMatchObject(denied);
  });

  it('refuses an audience of the provider that the role does not name (HOST:aud)', async () => {
    // second-client is in the provider's ClientIdList, so the token passes; the trust policy wants petstore-web.
    const answer = await assume('AdminRole', {
      sub: 'database|ada',
      aud: 'second-client',
      ...petRoleTags('admin'),
    });
    expect(errorOf(answer)).toMatchObject(denied);
  });

  it('refuses a role that is not in the template as it refuses a failed trust', async () => {
    const token = await t.idp.sign({
      sub: 'database|ada',
      aud: 'petstore-web',
      ...petRoleTags('admin'),
    });
    const answer = await callSts(
      t.sts.url,
      assumeRoleParameters('arn:aws:iam::123456789012:role/Elsewhere', token),
    );
    expect(answer.status).toBe(403);
    expect(errorOf(answer)).toMatchObject(denied);
    expect(lastCall()?.reason).toBe(
      'arn:aws:iam::123456789012:role/Elsewhere is not a role of the template',
    );
  });
});

describe('trust policy: actions and condition keys', () => {
  it('needs sts:TagSession too when the token carries session tags', async () => {
    const tagged = await assume('UntaggedOnlyRole', {
      sub: 'database|ada',
      aud: 'petstore-web',
      ...petRoleTags('admin'),
    });
    expect(errorOf(tagged)).toMatchObject(denied);
    expect(lastCall()?.reason).toContain('sts:TagSession implicit-deny');
    const untagged = await assume('UntaggedOnlyRole', { sub: 'database|ada', aud: 'petstore-web' });
    expect(untagged.status).toBe(200);
  });

  it('evaluates StringLike on HOST:sub (database users only)', async () => {
    expect(
      (await assume('DatabaseUserRole', { sub: 'database|ada', aud: 'petstore-web' })).status,
    ).toBe(200);
    expect(
      errorOf(await assume('DatabaseUserRole', { sub: 'amazon-demo|bea', aud: 'petstore-web' })),
    ).toMatchObject(denied);
  });

  it('gives HOST:amr to the trust policy when the token has amr', async () => {
    expect(
      (await assume('MfaRole', { sub: 'database|ada', aud: 'petstore-web', amr: ['pwd', 'mfa'] }))
        .status,
    ).toBe(200);
    expect(
      errorOf(await assume('MfaRole', { sub: 'database|ada', aud: 'petstore-web', amr: ['pwd'] })),
    ).toMatchObject(denied);
    expect(
      errorOf(await assume('MfaRole', { sub: 'database|ada', aud: 'petstore-web' })),
    ).toMatchObject(denied);
  });

  it('names condition keys after the provider Url with its trailing slash kept (HOST/:aud)', async () => {
    // Auth0's issuer ends with "/", and so do its condition keys (tenant.auth0.com/:aud).
    const slash = await startTestSts({ trailingSlash: true });
    try {
      expect(slash.idp.issuer.endsWith('/')).toBe(true);
      const role = slash.sts.iam.roles.get('AdminRole');
      expect(JSON.stringify(role?.trustPolicy)).toContain(`"127.0.0.1:${slash.idp.port}/:aud"`);
      const token = await slash.idp.sign({
        sub: 'database|ada',
        aud: 'petstore-web',
        ...petRoleTags('admin'),
      });
      const answer = await callSts(slash.sts.url, assumeRoleParameters(role?.arn ?? '', token));
      expect(answer.status).toBe(200);
    } finally {
      await slash.close();
    }
  });
});

describe('trust policy: what the STS cannot evaluate', () => {
  it('refuses to start when a trust policy has an unknown condition operator, naming the role and operator', async () => {
    const template = fileURLToPath(
      new URL('./fixtures/unsupported-operator.yaml', import.meta.url),
    );
    const start = startLocalSts({
      templatePath: template,
      log: { info: () => {}, warn: () => {} },
    });
    await expect(start).rejects.toBeInstanceOf(TrustPolicyError);
    await expect(start).rejects.toThrow(/Role TypoRole: trust policy: .*"StringEqualz"/);
  });
});
