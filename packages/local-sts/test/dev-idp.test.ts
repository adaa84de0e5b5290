import { fileURLToPath } from 'node:url';
import { startDevIdp } from '@petstore/dev-idp/server';
import { getTokens } from '@petstore/dev-idp/tokens';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalSts, startLocalSts } from '../src/start-local-sts';
import { assumeRoleParameters, callSts, errorOf } from './support/sts-call';
import { fixtureTemplate } from './support/test-sts';

// The project's real OpenID provider (oidc-provider) issuing real ID tokens through the real code
// flow. The role used does not need the PetRole tag (the trust checks aud and a database sub).
let idp: Awaited<ReturnType<typeof startDevIdp>>;
let sts: LocalSts;
beforeAll(async () => {
  idp = await startDevIdp({ port: 0, memory: true });
  sts = await startLocalSts({
    templatePath: fixtureTemplate,
    parameters: { TokenIssuer: idp.issuer, SpaClientId: 'petstore-web' },
    log: { call: () => {}, info: () => {}, warn: () => {} },
  });
});
afterAll(async () => {
  await sts?.close();
  await idp?.close();
});

const roleArn = (logicalId: string) => sts.iam.roles.get(logicalId)?.arn ?? '';

describe('with the dev-idp', () => {
  it("exchanges a database user's ID token for credentials of a role that trusts database subjects", async () => {
    const { idToken } = await getTokens(idp.issuer, 'admin');
    expect(idToken).toBeDefined();
    const subject = decodeJwt(idToken ?? '').sub;
    expect(subject).toMatch(/^database\|/);
    const answer = await callSts(
      sts.url,
      assumeRoleParameters(roleArn('DatabaseUserRole'), idToken ?? ''),
    );
    expect(answer.status).toBe(200);
    const result = answer.xml.AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult;
    expect(result).toMatchObject({
      SubjectFromWebIdentityToken: subject,
      Audience: 'petstore-web',
      Provider: idp.issuer,
    });
    expect(sts.credentials.find(result.Credentials.AccessKeyId)?.session.subject).toBe(subject);
  });

  it("refuses a social user's ID token for that role (AccessDenied)", async () => {
    const { idToken } = await getTokens(idp.issuer, 'buyer');
    const answer = await callSts(
      sts.url,
      assumeRoleParameters(roleArn('DatabaseUserRole'), idToken ?? ''),
    );
    expect(answer.status).toBe(403);
    expect(errorOf(answer).code).toBe('AccessDenied');
  });

  it('refuses an access token (audience: the API, not the SPA client): Incorrect token audience', async () => {
    const { accessToken } = await getTokens(idp.issuer, 'admin');
    const answer = await callSts(
      sts.url,
      assumeRoleParameters(roleArn('DatabaseUserRole'), accessToken),
    );
    expect(errorOf(answer)).toMatchObject({
      code: 'InvalidIdentityToken',
      message: 'Incorrect token audience',
    });
  });
});

describe('with the dev-idp and the project template (infra/template.yaml)', () => {
  // The dev-idp puts the role's PetRole session tag in the ID token from the connection rule; the
  // project's AdminRole and BuyerRole trust the provider by aud and by that tag.
  const projectTemplate = fileURLToPath(new URL('../../../infra/template.yaml', import.meta.url));
  let project: LocalSts;
  beforeAll(async () => {
    project = await startLocalSts({
      templatePath: projectTemplate,
      parameters: {
        TokenIssuer: idp.issuer,
        JwksUri: idp.jwksUri,
        Audience: 'https://api.petstore.local',
        SpaClientId: 'petstore-web',
      },
      log: { call: () => {}, info: () => {}, warn: () => {} },
    });
  });
  afterAll(() => project?.close());

  const assume = async (role: string, persona: 'admin' | 'buyer') => {
    const { idToken } = await getTokens(idp.issuer, persona);
    const arn = project.iam.roles.get(role)?.arn ?? '';
    return callSts(project.url, assumeRoleParameters(arn, idToken ?? ''));
  };

  it('gives the admin the admin role and the buyer the buyer role', async () => {
    const admin = await assume('AdminRole', 'admin');
    expect(admin.status).toBe(200);
    const adminKey =
      admin.xml.AssumeRoleWithWebIdentityResponse.AssumeRoleWithWebIdentityResult.Credentials
        .AccessKeyId;
    expect(project.credentials.find(adminKey)?.session.principalTags.get('PetRole')).toBe('admin');
    expect((await assume('BuyerRole', 'buyer')).status).toBe(200);
  });

  it('refuses the buyer the admin role and the admin the buyer role (AccessDenied)', async () => {
    expect(errorOf(await assume('AdminRole', 'buyer'))).toMatchObject({ code: 'AccessDenied' });
    expect(errorOf(await assume('BuyerRole', 'admin'))).toMatchObject({ code: 'AccessDenied' });
  });
});
