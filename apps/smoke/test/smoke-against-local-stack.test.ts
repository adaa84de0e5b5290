import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AlteringProxy, startAlteringProxy } from './support/altering-proxy';
import { type SmokeStack, startSmokeStack } from './support/local-stack';
import { checkLines, runSmokeCommand } from './support/run-smoke';

// `pnpm smoke` run as the README prints it, against the local stack (`pnpm start --memory`)
// with tokens of real users from its identity provider (the dev-idp, a real OpenID provider):
// every check passes there, and an API that answers differently gets a FAIL line for what
// differs and a non-zero exit.
let local: SmokeStack;
const proxies: AlteringProxy[] = [];

beforeAll(async () => {
  local = await startSmokeStack();
});
afterAll(async () => {
  await Promise.all(proxies.map((proxy) => proxy.close()));
  await local?.stack.stop();
});

/** The command line and secrets of a full smoke check of the local stack, with `api` as its token API. */
function fullCheck(api = local.stack.apiUrl, issuer = local.stack.issuer) {
  const { stack, tokens, apiKey } = local;
  return {
    args: [
      ...['--api', api, '--origin', stack.webOrigin, '--iam-api', stack.iamApiUrl],
      ...['--partner-api', stack.partnerApiUrl, '--issuer', issuer],
      ...['--client-id', 'petstore-m2m', '--audience', 'https://api.petstore.local'],
    ],
    secrets: {
      SMOKE_ADMIN_TOKEN: tokens.admin,
      SMOKE_BUYER_TOKEN: tokens.buyer,
      SMOKE_OTHER_BUYER_TOKEN: tokens.otherBuyer,
      // The dev-idp's machine client and its local secret (printed in the stack's banner).
      SMOKE_CLIENT_SECRET: 'petstore-m2m-local-dev-secret',
      SMOKE_API_KEY: apiKey,
    },
  };
}

/** The id of the pet the write checks added, from the "admin adds a pet" line. */
function addedPetId(stdout: string): string {
  const line = checkLines(stdout).find(({ name }) => name.startsWith('admin adds a pet'));
  const id = /pet ([0-9a-f-]{36})/.exec(line?.detail ?? '')?.[1];
  if (!id) throw new Error(`No added pet in the report:\n${stdout}`);
  return id;
}

/** The pet as an admin gets it from the local stack itself (not through a proxy). */
async function petStatus(id: string): Promise<number> {
  const response = await fetch(`${local.stack.apiUrl}/pets/${id}`, {
    headers: { authorization: `Bearer ${local.tokens.admin}` },
  });
  return response.status;
}

describe('pnpm smoke against the local stack', () => {
  it('passes every check, read-only and write, leaves no pet behind and prints no secret', async () => {
    // Prepare
    const { args, secrets } = fullCheck();

    // Act
    const { code, stdout, stderr } = await runSmokeCommand(args, secrets);

    // Assess
    const lines = checkLines(stdout);
    expect(stderr).toBe('');
    expect(lines.filter(({ verdict }) => verdict !== 'PASS')).toEqual([]);
    // 13 read-only checks (token API 7, IAM API 1, machine client 5) and 7 write checks.
    expect(lines).toHaveLength(20);
    expect(stdout).toContain('read-only\n');
    expect(stdout).toContain('write, then clean up\n');
    expect(stdout).toMatch(/\n20 checks: 20 passed, 0 failed, 0 skipped\n$/);
    expect(code).toBe(0);
    for (const secret of Object.values(secrets)) expect(stdout).not.toContain(secret);
    expect(await petStatus(addedPetId(stdout))).toBe(404);
  });

  it('prints a FAIL line for the one answer that differs (no CORS header on a 401), and exits 1', async () => {
    // Prepare: the token API behind a proxy that drops the SPA's CORS header from 401s only
    const proxy = await startAlteringProxy(local.stack.apiUrl, () => ({
      kind: 'forward',
      dropHeaders: (status) => (status === 401 ? ['access-control-allow-origin'] : []),
    }));
    proxies.push(proxy);
    const { args, secrets } = fullCheck(proxy.url);

    // Act
    const { code, stdout } = await runSmokeCommand(args, secrets);

    // Assess
    const failed = checkLines(stdout).filter(({ verdict }) => verdict !== 'PASS');
    expect(failed).toEqual([
      {
        verdict: 'FAIL',
        name: 'token API without a token (GET /pets): 401, CORS headers for the SPA',
        detail: `access-control-allow-origin: missing, expected "${local.stack.webOrigin}"`,
      },
    ]);
    expect(stdout).toMatch(/\n20 checks: 19 passed, 1 failed, 0 skipped\n$/);
    expect(code).toBe(1);
  });

  it('removes the pet it added when the removal step gets no answer, and says so', async () => {
    // Prepare: the first purchase and the first removal never reach the API
    const dropped = new Set<string>();
    const dropFirst = (kind: string) => {
      if (dropped.has(kind)) return false;
      dropped.add(kind);
      return true;
    };
    const proxy = await startAlteringProxy(local.stack.apiUrl, (method, path) => {
      if (method === 'POST' && path.endsWith('/purchase') && dropFirst('purchase')) {
        return { kind: 'drop' };
      }
      if (method === 'DELETE' && dropFirst('delete')) return { kind: 'drop' };
      return { kind: 'forward' };
    });
    proxies.push(proxy);
    const { args, secrets } = fullCheck(proxy.url);

    // Act
    const { code, stdout } = await runSmokeCommand(args, secrets);

    // Assess
    const write = checkLines(stdout).slice(13);
    const id = addedPetId(stdout);
    expect(write.map(({ verdict, name }) => `${verdict} ${name}`)).toEqual([
      'PASS admin adds a pet (POST /pets): 201, the pet',
      'FAIL buyer buys it (POST /pets/{petId}/purchase): 200, sold to the buyer',
      // The first purchase never arrived: this one is the sale, and the next buyer is refused.
      'PASS buyer buys it again: 200, the same sale',
      'PASS another buyer buys it: 409 PET_ALREADY_SOLD',
      'PASS admin sees who bought it (GET /pets/{petId}): 200, soldTo',
      'FAIL admin removes it (DELETE /pets/{petId}): 204',
      `PASS clean-up: the pet a failed step left (DELETE /pets/${id})`,
      'PASS it is gone (GET /pets/{petId}): 404 PET_NOT_FOUND',
    ]);
    expect(write[1]?.detail).toMatch(/^no answer: fetch failed/);
    expect(code).toBe(1);
    expect(await petStatus(id)).toBe(404);
  });

  it('removes the pet a buyer could add (a read-only check that found a write), and fails it', async () => {
    // Prepare: a deployment that lets a buyer add pets (the buyer's POST /pets arrives as the admin's)
    const { tokens } = local;
    const proxy = await startAlteringProxy(local.stack.apiUrl, (method, path) => ({
      kind: 'forward',
      rewrite: (headers) => {
        if (
          method === 'POST' &&
          path === '/pets' &&
          headers.get('authorization') === `Bearer ${tokens.buyer}`
        ) {
          headers.set('authorization', `Bearer ${tokens.admin}`);
        }
      },
    }));
    proxies.push(proxy);
    const { args, secrets } = fullCheck(proxy.url);

    // Act
    const { code, stdout } = await runSmokeCommand([...args, '--read-only'], secrets);

    // Assess
    const failed = checkLines(stdout).filter(({ verdict }) => verdict !== 'PASS');
    expect(failed.map(({ verdict, name }) => `${verdict} ${name}`)).toEqual([
      'FAIL buyer cannot add a pet (POST /pets): 403',
    ]);
    const id = /the buyer added pet ([0-9a-f-]{36}) \(removed again\)/.exec(
      failed[0]?.detail ?? '',
    )?.[1];
    expect(id).toBeDefined();
    expect(await petStatus(id ?? '')).toBe(404);
    expect(code).toBe(1);
  });

  it('fails the machine token for an issuer that is not the exact iss (a trailing slash), and writes nothing with --read-only', async () => {
    // Prepare
    const { args, secrets } = fullCheck(local.stack.apiUrl, `${local.stack.issuer}/`);

    // Act
    const { code, stdout } = await runSmokeCommand([...args, '--read-only'], secrets);

    // Assess
    const lines = checkLines(stdout);
    expect(lines.filter(({ verdict }) => verdict !== 'PASS')).toEqual([
      {
        verdict: 'FAIL',
        name: 'machine client gets a token (client credentials)',
        detail: `the provider's issuer is "${local.stack.issuer}", not "${local.stack.issuer}/" (TokenIssuer must be its exact iss)`,
      },
      ...[
        'machine client on the token API (GET /pets): 401',
        'partner API with the key (GET /pets): 200, a page of pets',
        'partner API with the key (GET /me): 200, the machine client',
        'partner API without the key (GET /pets): 403 Forbidden',
      ].map((name) => ({ verdict: 'SKIP', name, detail: 'no machine token (see above)' })),
    ]);
    expect(stdout).not.toContain('write, then clean up');
    expect(stdout).toMatch(/\n13 checks: 8 passed, 1 failed, 4 skipped\n$/);
    expect(code).toBe(1);
  });
});
