// @vitest-environment node
import { createPetStoreClient } from '@petstore/api-contract/client';
import { roleSessionName } from '@petstore/domain/role-session';
import { rolePermissions, sessionTagsClaim } from '@petstore/domain/roles';
import { User } from 'oidc-client-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi } from '../../src/api/call-api';
import { iamMiddleware } from '../../src/iam/iam-middleware';
import { signedInUser } from '../support/dev-idp-user';
import { installDomParser } from '../support/dom-parser';
import { type IamApiStack, roleArnsOf, startIamApiStack, testIdentity } from '../support/iam-stack';

installDomParser();

let stack: IamApiStack;
beforeAll(async () => {
  stack = await startIamApiStack();
}, 60_000);
afterAll(() => stack?.close());

interface ClientOptions {
  readonly now?: () => number;
  readonly region?: string;
  /** Every request the client sends, as it left the middleware. */
  readonly sent?: Request[];
}

/** The typed client in IAM mode, as the SPA builds it, signed in as `user` (or nobody). */
function iamClient(user: User | null, options: ClientOptions = {}) {
  const recording: typeof fetch = (input, init) => {
    if (input instanceof Request) options.sent?.push(input.clone());
    return fetch(input, init);
  };
  const api = createPetStoreClient({
    baseUrl: stack.url,
    getAccessToken: () => undefined,
    fetch: recording,
  });
  api.use(
    iamMiddleware({
      iam: {
        region: options.region ?? testIdentity.region,
        stsUrl: stack.sts.url,
        roleArns: roleArnsOf(stack.sts),
      },
      getUser: async () => user,
      ...(options.now ? { now: options.now } : {}),
    }),
  );
  return api;
}

describe('requests the SPA signs, through the real gateway on the IAM API', () => {
  it("GET /me verifies: the API sees the admin role's session named roleSessionName(sub)", async () => {
    // Prepare
    const admin = await signedInUser(stack.idp.issuer, 600, 'admin');

    // Act
    const outcome = await callApi(() => iamClient(admin).GET('/me'));

    // Assess
    if (!outcome.ok) throw new Error(`GET /me failed: ${outcome.failure.kind}`);
    const session = await roleSessionName(admin.profile.sub);
    expect(outcome.data.subject).toMatch(
      new RegExp(
        `^arn:aws:sts::${testIdentity.accountId}:assumed-role/[^/]*AdminRole[^/]*/${session}$`,
      ),
    );
    expect(outcome.data.permissions).toEqual([...rolePermissions.admin]);
  });

  it('a POST with a JSON body verifies (payload hash), and so does the DELETE after it', async () => {
    // Prepare
    const api = iamClient(await signedInUser(stack.idp.issuer, 600, 'admin'));

    // Act
    const created = await callApi(() => api.POST('/pets', { body: { type: 'fish', price: 12.5 } }));
    if (!created.ok) throw new Error(`POST /pets failed: ${created.failure.kind}`);
    const params = { path: { petId: created.data.id } };
    const removed = await callApi(() => api.DELETE('/pets/{petId}', { params }));

    // Assess
    expect(created.data).toMatchObject({ type: 'fish', price: 12.5, isSold: false });
    expect(removed.ok).toBe(true);
  });

  it("a buyer's purchase carries the ID token in a signed X-Id-Token, and records that buyer", async () => {
    // Prepare
    const admin = iamClient(await signedInUser(stack.idp.issuer, 600, 'admin'));
    const created = await callApi(() => admin.POST('/pets', { body: { type: 'dog', price: 80 } }));
    if (!created.ok) throw new Error(`POST /pets failed: ${created.failure.kind}`);
    const buyer = await signedInUser(stack.idp.issuer, 600, 'buyer');
    const sent: Request[] = [];
    const params = { path: { petId: created.data.id } };

    // Act
    const bought = await callApi(() =>
      iamClient(buyer, { sent }).POST('/pets/{petId}/purchase', { params }),
    );

    // Assess
    if (!bought.ok) throw new Error(`the purchase failed: ${bought.failure.kind}`);
    expect(bought.data.soldTo).toMatchObject({
      subject: buyer.profile.sub,
      name: buyer.profile.name,
    });
    const [purchase] = sent;
    expect(purchase?.headers.get('x-id-token')).toBe(buyer.id_token);
    expect(purchase?.headers.get('authorization')).toMatch(/SignedHeaders=[\w;-]*x-id-token/);
  });

  it('sends no X-Id-Token where the contract does not declare it', async () => {
    // Prepare
    const sent: Request[] = [];
    const api = iamClient(await signedInUser(stack.idp.issuer, 600, 'buyer'), { sent });

    // Act
    await callApi(() => api.GET('/pets', { params: { query: { limit: 1 } } }));

    // Assess
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get('x-id-token')).toBeNull();
    expect(sent[0]?.headers.get('authorization')).toMatch(/^AWS4-HMAC-SHA256 /);
  });

  it('is refused (403) when signed for another region: the region is given, not guessed from localhost', async () => {
    // Prepare
    const api = iamClient(await signedInUser(stack.idp.issuer, 600), { region: 'us-east-1' });

    // Act
    const outcome = await callApi(() => api.GET('/me'));

    // Assess
    expect(outcome).toEqual({ ok: false, failure: { kind: 'forbidden' } });
  });

  it('signs with the injected clock: six minutes behind, the gateway refuses the signature (403)', async () => {
    // Prepare
    const sent: Request[] = [];
    const late = () => Date.now() - 6 * 60_000;
    const api = iamClient(await signedInUser(stack.idp.issuer, 600), { now: late, sent });

    // Act
    const outcome = await callApi(() => api.GET('/me'));

    // Assess
    expect(outcome).toEqual({ ok: false, failure: { kind: 'forbidden' } });
    const signedAt = sent[0]?.headers.get('x-amz-date') ?? '';
    const skewMs =
      Date.now() -
      Date.parse(
        signedAt.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
      );
    expect(skewMs).toBeGreaterThan(5 * 60_000);
  });

  it('sends nothing signed when nobody is signed in, and the gateway refuses it (403)', async () => {
    // Prepare
    const sent: Request[] = [];

    // Act
    const outcome = await callApi(() => iamClient(null, { sent }).GET('/me'));

    // Assess
    expect(outcome).toEqual({ ok: false, failure: { kind: 'forbidden' } });
    expect(sent[0]?.headers.get('authorization')).toBeNull();
  });

  it('sends no request at all without credentials: the call fails with the reason (no role)', async () => {
    // Prepare
    const user = await signedInUser(stack.idp.issuer, 600);
    const untagged = new User({
      access_token: user.access_token,
      token_type: 'Bearer',
      id_token: user.id_token ?? '',
      profile: { ...user.profile, [sessionTagsClaim]: {} },
    });
    const sent: Request[] = [];

    // Act
    const outcome = await callApi(() => iamClient(untagged, { sent }).GET('/me'));

    // Assess
    expect(outcome).toEqual({ ok: false, failure: { kind: 'credentials', reason: 'no-role' } });
    expect(sent).toHaveLength(0);
  });
});
