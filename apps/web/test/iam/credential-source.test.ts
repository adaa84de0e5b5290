// @vitest-environment node
import { createServer } from 'node:net';
import type { DevIdp } from '@petstore/dev-idp/server';
import { roleSessionName } from '@petstore/domain/role-session';
import { sessionTagsClaim } from '@petstore/domain/roles';
import type { LocalSts } from '@petstore/local-sts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CredentialsError } from '../../src/api/credentials-error';
import { CredentialSource, type CredentialSourceOptions } from '../../src/iam/credential-source';
import { signedInUser } from '../support/dev-idp-user';
import { installDomParser } from '../support/dom-parser';
import { roleArnsOf, startTemplateSts, startTestIdp } from '../support/iam-stack';

installDomParser();

let idp: DevIdp;
let sts: LocalSts;
beforeAll(async () => {
  idp = await startTestIdp();
  sts = await startTemplateSts(idp);
}, 30_000);
afterAll(async () => {
  await sts?.close();
  await idp?.close();
});

/** A source on the real local STS whose STS calls are counted. */
function source(options: Partial<CredentialSourceOptions> = {}) {
  const calls: string[] = [];
  const counting: typeof fetch = (input, init) => {
    calls.push(String(input));
    return fetch(input, init);
  };
  const credentials = new CredentialSource({
    stsUrl: sts.url,
    roleArns: roleArnsOf(sts),
    fetch: counting,
    ...options,
  });
  return { credentials, calls };
}

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof CredentialsError))
    throw new Error(`expected a CredentialsError, got ${String(error)}`);
  return error.reason;
}

describe('the STS exchange, against the local STS on the real template', () => {
  it("gets a buyer's ID token credentials of the buyer role, session named roleSessionName(sub)", async () => {
    // Prepare
    const user = await signedInUser(idp.issuer, 600, 'buyer');
    const { credentials } = source();

    // Act
    const issued = await credentials.credentialsFor(user);

    // Assess
    expect(issued.accessKeyId).toMatch(/^ASIA[A-Z0-9]{16}$/);
    expect(issued.expiresAt - Date.now()).toBeGreaterThan(3500_000);
    expect(issued.expiresAt - Date.now()).toBeLessThanOrEqual(3600_000);
    const session = sts.credentials.find(issued.accessKeyId)?.session;
    expect(session?.roleArn).toBe(roleArnsOf(sts).get('buyer'));
    expect(session?.sessionName).toBe(await roleSessionName(user.profile.sub));
    expect(session?.principalTags.get('PetRole')).toBe('buyer');
    expect(sts.credentials.find(issued.accessKeyId)?.secretAccessKey).toBe(issued.secretAccessKey);
    expect(sts.credentials.find(issued.accessKeyId)?.sessionToken).toBe(issued.sessionToken);
  });

  it("gets an admin's ID token credentials of the admin role", async () => {
    // Prepare
    const user = await signedInUser(idp.issuer, 600, 'admin');

    // Act
    const issued = await source().credentials.credentialsFor(user);

    // Assess
    expect(sts.credentials.find(issued.accessKeyId)?.session.roleArn).toBe(
      roleArnsOf(sts).get('admin'),
    );
  });

  it('keeps the credentials: a second call asks STS nothing', async () => {
    // Prepare
    const user = await signedInUser(idp.issuer, 600);
    const { credentials, calls } = source();
    const first = await credentials.credentialsFor(user);

    // Act
    const second = await credentials.credentialsFor(user);

    // Assess
    expect(second).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it('shares one exchange between calls made while it runs (single flight)', async () => {
    // Prepare
    const user = await signedInUser(idp.issuer, 600);
    const { credentials, calls } = source();

    // Act
    const all = await Promise.all([1, 2, 3].map(() => credentials.credentialsFor(user)));

    // Assess
    expect(new Set(all.map((issued) => issued.accessKeyId)).size).toBe(1);
    expect(calls).toHaveLength(1);
  });

  it('renews the credentials once they are within 5 minutes of expiring (injected clock)', async () => {
    // Prepare
    const user = await signedInUser(idp.issuer, 600);
    let now = Date.now();
    const { credentials, calls } = source({ now: () => now });
    const first = await credentials.credentialsFor(user);

    // Act
    now = first.expiresAt - 5 * 60_000 - 1_000;
    const stillFresh = await credentials.credentialsFor(user);
    now = first.expiresAt - 5 * 60_000 + 1_000;
    const renewed = await credentials.credentialsFor(user);

    // Assess
    expect(stillFresh).toBe(first);
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
    expect(calls).toHaveLength(2);
  });

  it('gets new credentials for a new ID token of the same user (as after a renewal), same session name', async () => {
    // Prepare: two sign-ins of the same person (each ID token has its own nonce)
    const user = await signedInUser(idp.issuer, 600);
    const again = await signedInUser(idp.issuer, 600);
    const { credentials, calls } = source();
    const first = await credentials.credentialsFor(user);

    // Act
    const renewed = await credentials.credentialsFor(again);

    // Assess
    expect(again.profile.sub).toBe(user.profile.sub);
    expect(again.id_token).not.toBe(user.id_token);
    expect(renewed.accessKeyId).not.toBe(first.accessKeyId);
    expect(sts.credentials.find(renewed.accessKeyId)?.session.sessionName).toBe(
      sts.credentials.find(first.accessKeyId)?.session.sessionName,
    );
    expect(calls).toHaveLength(2);
  });
});

describe('when there are no credentials to be had', () => {
  it('refuses, without asking STS, an ID token whose session tag names no role', async () => {
    // Prepare
    const user = await signedInUser(idp.issuer, 600);
    const { [sessionTagsClaim]: _tags, ...untagged } = user.profile;
    const { credentials, calls } = source();

    // Act
    const reason = await reasonOf(credentials.credentialsFor({ ...user, profile: untagged }));

    // Assess
    expect(reason).toBe('no-role');
    expect(calls).toHaveLength(0);
  });

  it('is AccessDenied for a role whose trust policy wants another tag (a buyer asking for the admin role)', async () => {
    // Prepare
    const user = await signedInUser(idp.issuer, 600, 'buyer');
    const adminArn = roleArnsOf(sts).get('admin') ?? '';
    const { credentials } = source({ roleArns: new Map([['buyer', adminArn]]) });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    // Act
    const reason = await reasonOf(credentials.credentialsFor(user));

    // Assess
    expect(reason).toBe('access-denied');
    const logged = warn.mock.calls.map((call) => call.join(' ')).join('\n');
    warn.mockRestore();
    expect(logged).toContain(
      '"AccessDenied" "Not authorized to perform sts:AssumeRoleWithWebIdentity"',
    );
    expect(logged).not.toContain(user.id_token);
  });

  it('is InvalidIdentityToken for an ID token whose signature does not verify', async () => {
    // Prepare
    const user = await signedInUser(idp.issuer, 600);
    const [header, payload] = (user.id_token ?? '').split('.');
    const forged = `${header}.${payload}.${'A'.repeat(342)}`;

    // Act / Assess
    expect(
      await reasonOf(
        source().credentials.credentialsFor({ id_token: forged, profile: user.profile }),
      ),
    ).toBe('invalid-token');
  });

  it('is ExpiredTokenException for an ID token STS finds expired', async () => {
    // Prepare: an STS whose clock is two hours ahead
    const user = await signedInUser(idp.issuer, 600);
    const later = await startTemplateSts(idp, { clock: () => Date.now() + 2 * 3600_000 });
    try {
      const credentials = new CredentialSource({ stsUrl: later.url, roleArns: roleArnsOf(later) });

      // Act / Assess
      expect(await reasonOf(credentials.credentialsFor(user))).toBe('expired-token');
    } finally {
      await later.close();
    }
  });

  it('is unreachable when nothing answers at the STS address', async () => {
    // Prepare: a port that was free a moment ago
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
      });
    });
    const user = await signedInUser(idp.issuer, 600);
    const { credentials } = source({ stsUrl: `http://127.0.0.1:${port}` });

    // Act / Assess
    expect(await reasonOf(credentials.credentialsFor(user))).toBe('unreachable');
  });

  it("is unexpected for another STS error (DurationSeconds below STS's 900)", async () => {
    // Prepare
    const user = await signedInUser(idp.issuer, 600);
    const { credentials } = source({ durationSeconds: 60 });

    // Act / Assess
    expect(await reasonOf(credentials.credentialsFor(user))).toBe('unexpected');
  });

  it('asks STS again after a failure (nothing failed is kept)', async () => {
    // Prepare
    const user = await signedInUser(idp.issuer, 600);
    const { credentials, calls } = source({ durationSeconds: 60 });
    await reasonOf(credentials.credentialsFor(user));

    // Act
    await reasonOf(credentials.credentialsFor(user));

    // Assess
    expect(calls).toHaveLength(2);
  });
});
