import type { PetStoreClient } from '@petstore/api-contract/client';
import type { Me, Permission, Pet } from '@petstore/api-contract/types';
import { type Role, rolePermissions } from '@petstore/domain/roles';
import { check, type Expectations, type Outcome, type Reply, skipped } from './check';
import { callerClient, replyOf, requestTimeoutMs, send } from './http';
import { machineToken } from './machine-token';
import type { SmokeInputs } from './smoke-inputs';

/** What the write checks learn from the read-only ones. */
export interface ReadOnlyFindings {
  /** The buyer as the API sees them (`GET /me`), if that check got it. */
  readonly buyer: Me | undefined;
}

/** A route no API of the stack has: API Gateway answers it before any authorizer. */
const unknownRoute = '/smoke-check-no-such-route';

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((item) => b.includes(item));

/** The gateway's own error: its status, its `{"message": ...}`, and the SPA's CORS headers. */
function gatewayError(
  expect: Expectations,
  reply: Reply,
  status: number,
  message: string,
  origin: string | undefined,
) {
  if (!expect.status(reply, status)) return;
  expect.schema('GatewayError', reply.body);
  expect.equal('message', (reply.body as { message?: unknown } | undefined)?.message, message);
  if (origin !== undefined) expect.header(reply, 'access-control-allow-origin', origin);
}

/** `GET /me` of a user: 200, a `Me`, exactly the permissions of their role. */
async function identity(
  expect: Expectations,
  client: PetStoreClient,
  role: Role,
  origin: string,
): Promise<Me | undefined> {
  const reply = replyOf(await client.GET('/me'));
  if (!expect.status(reply, 200)) return undefined;
  expect.contract({ method: 'get', path: '/me' }, reply);
  expect.header(reply, 'access-control-allow-origin', origin);
  const me = reply.body as Me;
  const expected: readonly Permission[] = rolePermissions[role];
  expect.that(
    Array.isArray(me.permissions) && sameSet(me.permissions, expected),
    `permissions ${JSON.stringify(me.permissions)}, expected the ${role} role's ${JSON.stringify(expected)} (the provider assigns them from the sign-in connection)`,
  );
  return me;
}

/**
 * The checks that write nothing, in order, each reported as it ends: the token API's gateway
 * answers (401 without a token, 403 for an unknown route, the SPA's preflight), both users'
 * identities and what the buyer may do; the IAM API's refusal of an unsigned call; the machine
 * client's token, refused on the token API and served on the partner API with its key only.
 *
 * @example
 * const { buyer } = await readOnlyChecks(inputs, (outcome) => console.log(outcome.verdict, outcome.name));
 */
export async function readOnlyChecks(
  inputs: SmokeInputs,
  report: (outcome: Outcome) => void,
): Promise<ReadOnlyFindings> {
  const { api, origin, tokens } = inputs;
  const spa = { origin };
  const anonymous = callerClient(api, undefined, spa);
  const buyer = callerClient(api, tokens.buyer, spa);
  const admin = callerClient(api, tokens.admin, spa);

  report(
    await check(
      'token API without a token (GET /pets): 401, CORS headers for the SPA',
      async (expect) => {
        const reply = replyOf(await anonymous.GET('/pets'));
        gatewayError(expect, reply, 401, 'Unauthorized', origin);
        expect.contract({ method: 'get', path: '/pets' }, reply);
        return `401 ${JSON.stringify(reply.body)}, Access-Control-Allow-Origin ${origin}`;
      },
    ),
  );
  report(
    await check(
      'token API, a route it does not have: 403 Missing Authentication Token',
      async (expect) => {
        const reply = await send(`${api}${unknownRoute}`, { headers: spa });
        gatewayError(expect, reply, 403, 'Missing Authentication Token', origin);
        return `403 ${JSON.stringify(reply.body)}`;
      },
    ),
  );
  report(
    await check(
      'token API preflight from the SPA (OPTIONS /pets): 200, CORS headers',
      async (expect) => {
        const reply = await send(`${api}/pets`, {
          method: 'OPTIONS',
          headers: {
            ...spa,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'authorization,content-type',
          },
        });
        if (expect.status(reply, 200)) {
          expect.header(reply, 'access-control-allow-origin', origin);
          expect.headerLists(reply, 'access-control-allow-methods', ['GET', 'POST', 'DELETE']);
          expect.headerLists(reply, 'access-control-allow-headers', [
            'Authorization',
            'Content-Type',
          ]);
        }
        return `200, allows ${reply.headers.get('access-control-allow-methods')} from ${origin}`;
      },
    ),
  );
  let buyerMe: Me | undefined;
  report(
    await check("buyer's identity (GET /me): 200, the buyer role's permissions", async (expect) => {
      buyerMe = await identity(expect, buyer, 'buyer', origin);
      return `${buyerMe?.name} (${buyerMe?.subject}): ${buyerMe?.permissions.join(' ')}`;
    }),
  );
  report(
    await check("admin's identity (GET /me): 200, the admin role's permissions", async (expect) => {
      const me = await identity(expect, admin, 'admin', origin);
      return `${me?.name} (${me?.subject}): ${me?.permissions.join(' ')}`;
    }),
  );
  report(
    await check('buyer lists pets (GET /pets?limit=5): 200, a page of pets', async (expect) => {
      const reply = replyOf(await buyer.GET('/pets', { params: { query: { limit: 5 } } }));
      if (expect.status(reply, 200)) {
        expect.contract({ method: 'get', path: '/pets' }, reply);
        expect.header(reply, 'access-control-allow-origin', origin);
      }
      const items = (reply.body as { items?: unknown[] } | undefined)?.items;
      return `200, ${Array.isArray(items) ? items.length : 'no'} pets on the page`;
    }),
  );
  report(
    await check('buyer cannot add a pet (POST /pets): 403', async (expect) => {
      const reply = replyOf(await buyer.POST('/pets', { body: { type: 'gecko', price: 0.01 } }));
      const created = reply.status === 201 ? (reply.body as Pet | undefined)?.id : undefined;
      if (created !== undefined) {
        // A buyer could add one: the check is a FAIL, and the pet goes again.
        const removal = await admin.DELETE('/pets/{petId}', {
          params: { path: { petId: created } },
        });
        expect.that(
          false,
          `the buyer added pet ${created} (${removal.response.status === 204 ? 'removed again' : `remove it by hand: DELETE answered ${removal.response.status}`})`,
        );
      }
      if (expect.status(reply, 403)) {
        expect.contract({ method: 'post', path: '/pets' }, reply);
        // The authorizer's policy has no Allow for it: the gateway's AccessDeniedException,
        // `Message` or `message` as captures of AWS differ (packages/gateway AWS-BEHAVIOR.md A7).
        const body = reply.body as { Message?: unknown; message?: unknown } | undefined;
        const message = String(body?.Message ?? body?.message);
        expect.that(
          message.startsWith('User is not authorized to access this resource'),
          `message ${JSON.stringify(message)}, expected the authorizer policy's denial`,
        );
      }
      return `403 ${JSON.stringify(reply.body)}`;
    }),
  );

  if (inputs.iamApi === undefined) {
    report(
      skipped('IAM API unsigned (GET /pets): 403 Missing Authentication Token', 'no --iam-api'),
    );
  } else {
    const iam = callerClient(inputs.iamApi, undefined, spa);
    report(
      await check(
        'IAM API unsigned (GET /pets): 403 Missing Authentication Token',
        async (expect) => {
          const reply = replyOf(await iam.GET('/pets'));
          gatewayError(expect, reply, 403, 'Missing Authentication Token', origin);
          expect.contract({ method: 'get', path: '/pets' }, reply);
          return `403 ${JSON.stringify(reply.body)}`;
        },
      ),
    );
  }

  await machineChecks(inputs, report);
  return { buyer: buyerMe };
}

const machineCheckNames = [
  'machine client on the token API (GET /pets): 401',
  'partner API with the key (GET /pets): 200, a page of pets',
  'partner API with the key (GET /me): 200, the machine client',
  'partner API without the key (GET /pets): 403 Forbidden',
] as const;

/** The machine client's checks: its token, then the token API and the partner API with it. */
async function machineChecks(inputs: SmokeInputs, report: (outcome: Outcome) => void) {
  const { machine, partner } = inputs;
  const tokenCheck = 'machine client gets a token (client credentials)';
  if (machine === undefined) {
    const reason = 'no machine client (--issuer, --client-id, --audience, SMOKE_CLIENT_SECRET)';
    for (const name of [tokenCheck, ...machineCheckNames]) report(skipped(name, reason));
    return;
  }
  let token: string | undefined;
  report(
    await check(tokenCheck, async () => {
      const issued = await machineToken(machine, requestTimeoutMs);
      token = issued.accessToken;
      return `from ${issued.tokenEndpoint}`;
    }),
  );
  if (token === undefined) {
    for (const name of machineCheckNames) report(skipped(name, 'no machine token (see above)'));
    return;
  }
  const [onTokenApi, partnerPets, partnerMe, partnerWithoutKey] = machineCheckNames;
  const machineOnTokenApi = callerClient(inputs.api, token);
  report(
    await check(onTokenApi, async (expect) => {
      const reply = replyOf(await machineOnTokenApi.GET('/pets'));
      gatewayError(expect, reply, 401, 'Unauthorized', undefined);
      return `401 ${JSON.stringify(reply.body)}: machines use the partner API`;
    }),
  );
  if (partner === undefined) {
    for (const name of [partnerPets, partnerMe, partnerWithoutKey]) {
      report(skipped(name, 'no --partner-api'));
    }
    return;
  }
  const withKey = callerClient(partner.url, token, { 'x-api-key': partner.apiKey });
  const withoutKey = callerClient(partner.url, token);
  report(
    await check(partnerPets, async (expect) => {
      const reply = replyOf(await withKey.GET('/pets', { params: { query: { limit: 5 } } }));
      if (expect.status(reply, 200)) expect.contract({ method: 'get', path: '/pets' }, reply);
      const items = (reply.body as { items?: unknown[] } | undefined)?.items;
      return `200, ${Array.isArray(items) ? items.length : 'no'} pets on the page`;
    }),
  );
  report(
    await check(partnerMe, async (expect) => {
      const reply = replyOf(await withKey.GET('/me'));
      if (expect.status(reply, 200)) {
        expect.contract({ method: 'get', path: '/me' }, reply);
        expect.equal('clientId', (reply.body as Me).clientId, machine.clientId);
      }
      const me = reply.body as Me | undefined;
      return `client ${me?.clientId}: ${me?.permissions?.join(' ')}`;
    }),
  );
  report(
    await check(partnerWithoutKey, async (expect) => {
      const reply = replyOf(await withoutKey.GET('/pets'));
      gatewayError(expect, reply, 403, 'Forbidden', undefined);
      expect.contract({ method: 'get', path: '/pets' }, reply);
      return `403 ${JSON.stringify(reply.body)}`;
    }),
  );
}
