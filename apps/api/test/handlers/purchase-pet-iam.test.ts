import { describe, expect, inject, it } from 'vitest';
import { handler as getPet } from '../../src/handlers/get-pet';
import { handler } from '../../src/handlers/purchase-pet';
import { capturedLogs } from '../support/captured-logs';
import { sessionOf, users } from '../support/iam-users';
import { foreignKey, type IdTokenUser, signIdToken } from '../support/id-token-issuer';
import { invoke } from '../support/invoke';
import { type AssumedRoleSession, callers, roleNames } from '../support/proxy-event';
import { seedPet } from '../support/seed';
import { testTable } from '../support/table';

const issuer = inject('idTokenIssuer');

/** A SigV4-signed purchase on the IAM API, as the SPA sends it (ID token in X-Id-Token). */
const purchase = (petId: string, assumedRole: AssumedRoleSession, idToken?: string) =>
  invoke(handler, {
    method: 'POST',
    resource: '/pets/{petId}/purchase',
    pathParameters: { petId },
    assumedRole,
    headers: idToken === undefined ? {} : { 'X-Id-Token': idToken },
  });

const stored = async (petId: string) =>
  (
    await invoke(getPet, {
      method: 'GET',
      resource: '/pets/{petId}',
      pathParameters: { petId },
    })
  ).json;

/** Asserts the answer is the refusal `code` and that the pet is still for sale, untouched. */
async function expectRefused(
  answer: Awaited<ReturnType<typeof purchase>>,
  code: string,
  before: Record<string, unknown>[],
) {
  expect(answer.status).toBe(403);
  expect(answer.headers['Content-Type']).toBe('application/problem+json');
  expect(answer.json).toMatchObject({ status: 403, code });
  expect(await testTable().items()).toEqual(before);
}

/** The `refused` line of the handler's log. */
function refusal(logs: string) {
  const lines = logs.split('\n').filter((line) => line.startsWith('{'));
  return lines.map((line) => JSON.parse(line)).find((entry) => entry.message === 'refused');
}

describe('POST /pets/{petId}/purchase on the IAM API', () => {
  it("sells the pet to the ID token's user: subject and name from the verified token", async () => {
    // Prepare
    const pet = await seedPet();
    const token = await signIdToken(issuer, users.bea);

    // Act
    const answer = await purchase(pet.id, await sessionOf(users.bea), token);

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      id: pet.id,
      isSold: true,
      soldTo: { subject: 'amazon-demo|c840d164c229574e8114d411', name: 'Bea Buyer' },
    });
    expect((await stored(pet.id)).soldTo).toEqual({
      subject: 'amazon-demo|c840d164c229574e8114d411',
      name: 'Bea Buyer',
    });
  });

  it('names the buyer by email when the ID token has no name', async () => {
    const pet = await seedPet();
    const { name: _, ...nameless } = users.cy;
    const token = await signIdToken(issuer, nameless);
    const answer = await purchase(pet.id, await sessionOf(users.cy), token);
    expect(answer.json.soldTo).toEqual({ subject: users.cy.sub, name: 'cy.buyer@example.com' });
  });

  it('ignores a buyer named in the body: the ID token decides', async () => {
    const pet = await seedPet();
    const answer = await invoke(handler, {
      method: 'POST',
      resource: '/pets/{petId}/purchase',
      pathParameters: { petId: pet.id },
      assumedRole: await sessionOf(users.bea),
      headers: {
        'X-Id-Token': await signIdToken(issuer, users.bea),
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ soldTo: { subject: users.cy.sub, name: 'Cy Buyer' } }),
    });
    expect(answer.json.soldTo.subject).toBe(users.bea.sub);
  });

  it('refuses a purchase without X-Id-Token with 403 IDENTITY_TOKEN_REQUIRED, writing nothing', async () => {
    const pet = await seedPet();
    const before = await testTable().items();
    const answer = await purchase(pet.id, await sessionOf(users.bea));
    await expectRefused(answer, 'IDENTITY_TOKEN_REQUIRED', before);
    expect(answer.json.title).toBe('ID token required');
  });

  it('refuses an empty X-Id-Token as missing', async () => {
    const pet = await seedPet();
    const before = await testTable().items();
    const answer = await purchase(pet.id, await sessionOf(users.bea), '  ');
    await expectRefused(answer, 'IDENTITY_TOKEN_REQUIRED', before);
  });

  /** Each case: what is wrong, the reason the log gives, the token sent. */
  const invalid: [string, string, () => Promise<string>][] = [
    ['an expired ID token', 'expired', () => signIdToken(issuer, users.bea, { expiresIn: -60 })],
    [
      'an ID token for another audience (another client)',
      'claim aud check failed',
      () => signIdToken(issuer, users.bea, { claims: { aud: 'some-other-client' } }),
    ],
    [
      'an ID token of another issuer',
      'claim iss check failed',
      () => signIdToken(issuer, users.bea, { claims: { iss: 'https://evil.example' } }),
    ],
    [
      'an ID token with a bad signature (a key not in the JWKS, same kid)',
      'bad signature',
      async () => signIdToken(issuer, users.bea, { key: await foreignKey(issuer) }),
    ],
    [
      'an ID token whose payload was changed after signing',
      'bad signature',
      async () => {
        const [header, , signature] = (await signIdToken(issuer, users.bea)).split('.');
        const forged = Buffer.from(JSON.stringify({ ...users.cy, iss: issuer.issuer })).toString(
          'base64url',
        );
        return `${header}.${forged}.${signature}`;
      },
    ],
    [
      'an ID token signed with PS256 (RS256 only)',
      'algorithm not allowed (RS256 only)',
      () => signIdToken(issuer, users.bea, { header: { alg: 'PS256' } }),
    ],
    [
      'an ID token whose kid is not in the JWKS',
      'no key of the JWKS matches its kid',
      () => signIdToken(issuer, users.bea, { header: { kid: 'retired-key' } }),
    ],
    [
      'an access token (typ at+jwt) for the same client',
      'an access token (typ at+jwt), not an ID token',
      () => signIdToken(issuer, users.bea, { header: { typ: 'at+jwt' } }),
    ],
    [
      'an ID token whose azp is another client',
      'azp is not the SPA client id',
      () => signIdToken(issuer, users.bea, { claims: { azp: 'some-other-client' } }),
    ],
    [
      'an ID token without exp',
      'claim exp missing',
      () => signIdToken(issuer, users.bea, { claims: { exp: undefined } }),
    ],
    [
      'an ID token with an empty sub',
      'sub is not a non-empty string',
      () => signIdToken(issuer, users.bea, { claims: { sub: '' } }),
    ],
    [
      'an ID token without the role session tag',
      "the token's PetRole tag (none) is not the caller's role (buyer)",
      () => {
        const { role: _, ...untagged } = users.bea;
        return signIdToken(issuer, untagged);
      },
    ],
    [
      'an ID token with two PetRole values',
      "the token's PetRole tag (none) is not the caller's role (buyer)",
      () =>
        signIdToken(issuer, users.bea, {
          claims: {
            'https://aws.amazon.com/tags': { principal_tags: { PetRole: ['buyer', 'admin'] } },
          },
        }),
    ],
    ['something that is not a JWT', 'malformed', async () => 'not-a-jwt'],
    [
      'an oversized token',
      'longer than 8192 characters',
      async () => `${await signIdToken(issuer, users.bea)}${'A'.repeat(8192)}`,
    ],
  ];

  it.each(invalid)(
    'refuses %s with 403 IDENTITY_TOKEN_INVALID, writing nothing',
    async (_case, reason, token) => {
      // Prepare
      const pet = await seedPet();
      const before = await testTable().items();
      const session = await sessionOf(users.bea);
      const sent = await token();

      // Act
      let answer: Awaited<ReturnType<typeof purchase>> | undefined;
      const logs = await capturedLogs(async () => {
        answer = await purchase(pet.id, session, sent);
      });

      // Assess
      if (!answer) throw new Error('no answer');
      await expectRefused(answer, 'IDENTITY_TOKEN_INVALID', before);
      expect(answer.json.detail).toBe(
        'The ID token in X-Id-Token is not accepted for this caller.',
      );
      expect(refusal(logs).detail).toContain(reason);
    },
  );

  it("refuses an admin's ID token sent with a buyer's credentials (role tag is not the role)", async () => {
    // Prepare: buyer credentials whose session name is the admin's, so only the tag differs
    const pet = await seedPet();
    const before = await testTable().items();
    const adminToken = await signIdToken(issuer, users.ada);

    // Act
    const answer = await purchase(pet.id, await sessionOf(users.ada, roleNames.buyer), adminToken);

    // Assess
    await expectRefused(answer, 'IDENTITY_TOKEN_INVALID', before);
  });

  it("refuses a buyer's ID token sent with another buyer's credentials (session name)", async () => {
    // Prepare: Cy's credentials, Bea's ID token
    const pet = await seedPet();
    const before = await testTable().items();
    const beaToken = await signIdToken(issuer, users.bea);

    // Act
    const answer = await purchase(pet.id, await sessionOf(users.cy), beaToken);

    // Assess
    await expectRefused(answer, 'IDENTITY_TOKEN_INVALID', before);
  });

  it('refuses a session name that resembles the sub but is not roleSessionName(sub)', async () => {
    const pet = await seedPet();
    const before = await testTable().items();
    const session = {
      roleName: roleNames.buyer,
      sessionName: 'amazon-demo-c840d164c229574e8114d411',
    };
    const answer = await purchase(pet.id, session, await signIdToken(issuer, users.bea));
    await expectRefused(answer, 'IDENTITY_TOKEN_INVALID', before);
  });

  it("refuses an admin's credentials by permission (403 FORBIDDEN), even with a valid ID token", async () => {
    const pet = await seedPet();
    const before = await testTable().items();
    const answer = await purchase(
      pet.id,
      await sessionOf(users.ada),
      await signIdToken(issuer, users.ada),
    );
    await expectRefused(answer, 'FORBIDDEN', before);
  });

  it.each([
    ['a role that is neither ADMIN_ROLE_NAME nor BUYER_ROLE_NAME', { roleName: 'SomeOtherRole' }],
    ['the buyer role name in another account', { accountId: '210987654321' }],
    ['an IAM user instead of an assumed role', { userArn: 'arn:aws:iam::123456789012:user/bea' }],
  ])('refuses %s with 403 FORBIDDEN', async (_case, override) => {
    // Prepare
    const pet = await seedPet();
    const before = await testTable().items();
    const session = { ...(await sessionOf(users.bea)), ...override };

    // Act
    const answer = await purchase(pet.id, session, await signIdToken(issuer, users.bea));

    // Assess
    await expectRefused(answer, 'FORBIDDEN', before);
  });

  it('refuses a request showing both an authorizer context and an IAM caller', async () => {
    const pet = await seedPet();
    const before = await testTable().items();
    const answer = await invoke(handler, {
      method: 'POST',
      resource: '/pets/{petId}/purchase',
      pathParameters: { petId: pet.id },
      assumedRole: await sessionOf(users.bea),
      authorizer: callers.buyer,
      headers: { 'X-Id-Token': await signIdToken(issuer, users.bea) },
    });
    await expectRefused(answer, 'FORBIDDEN', before);
  });

  it('logs why an ID token was refused, never the token itself', async () => {
    // Prepare
    const pet = await seedPet();
    const token = await signIdToken(issuer, users.bea, { expiresIn: -60 });
    const session = await sessionOf(users.bea);

    // Act
    const logs = await capturedLogs(() => purchase(pet.id, session, token));

    // Assess
    const refused = refusal(logs);
    expect(refused).toMatchObject({ code: 'IDENTITY_TOKEN_INVALID', detail: 'expired' });
    expect(refused.caller).toBe(
      `arn:aws:sts::123456789012:assumed-role/BuyerRole/${session.sessionName}`,
    );
    expect(logs).not.toContain(token.split('.')[1]);
    expect(logs).not.toContain(token.split('.')[2]);
  });

  it('logs which binding failed for another user’s ID token', async () => {
    const pet = await seedPet();
    const token = await signIdToken(issuer, users.bea);
    const logs = await capturedLogs(async () => purchase(pet.id, await sessionOf(users.cy), token));
    expect(logs).toContain('session name is not roleSessionName(sub)');
    expect(logs).not.toContain(token.split('.')[2]);
  });
});

describe('POST /pets/{petId}/purchase on the token API', () => {
  it('ignores X-Id-Token: the buyer is the authorizer’s caller', async () => {
    // Prepare: a valid ID token of another user
    const pet = await seedPet();
    const someoneElse: IdTokenUser = users.cy;

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      resource: '/pets/{petId}/purchase',
      pathParameters: { petId: pet.id },
      authorizer: callers.buyer,
      headers: { 'X-Id-Token': await signIdToken(issuer, someoneElse) },
    });

    // Assess
    expect(answer.status).toBe(200);
    expect(answer.json.soldTo).toEqual({ subject: 'amazon-demo|bea', name: 'Bea Buyer' });
  });
});
