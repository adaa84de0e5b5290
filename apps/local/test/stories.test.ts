import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api-client';
import { type StackProcess, startStackProcess } from './support/stack-process';
import { bannerApiKey, tokenFor } from './support/tokens';

// Every story of the README's "Who does what" through the gateway, with real tokens from the dev-idp.
let stack: StackProcess;
const tokens = { admin: '', buyer: '', otherBuyer: '', m2m: '' };

beforeAll(async () => {
  stack = await startStackProcess();
  tokens.admin = await tokenFor(stack, 'admin');
  tokens.buyer = await tokenFor(stack, 'buyer');
  tokens.otherBuyer = await tokenFor(stack, 'buyer', {
    connection: 'social',
    name: 'Cy Buyer',
    email: 'cy@example.com',
  });
  tokens.m2m = await tokenFor(stack, 'm2m');
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

const api = (path: string) => `${stack.apiUrl}${path}`;

describe('the start', () => {
  it('warns about no resource the stack provides itself (the table, the SPA hosting)', () => {
    expect(stack.output()).not.toContain('not emulated (provide what the functions use locally)');
  });
});

describe('a visitor without a token', () => {
  it('gets 401 from the gateway, readable by the SPA (CORS on gateway responses)', async () => {
    const reply = await call(api('/pets'), { headers: { Origin: stack.webOrigin } });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ message: 'Unauthorized' });
    expect(reply.headers.get('access-control-allow-origin')).toBe(stack.webOrigin);
  });

  it('gets 401 for a token the validation expression refuses (lowercase bearer, garbage)', async () => {
    const lower = await call(api('/pets'), {
      headers: { Authorization: `bearer ${tokens.buyer}` },
    });
    const garbage = await call(api('/pets'), { token: 'not.a-jwt' });
    expect([lower.status, garbage.status]).toEqual([401, 401]);
  });

  it('gets the CORS preflight without a token', async () => {
    const response = await fetch(api('/pets'), {
      method: 'OPTIONS',
      headers: {
        Origin: stack.webOrigin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,content-type',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(stack.webOrigin);
    expect(response.headers.get('access-control-allow-methods')).toContain('POST');
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain(
      'authorization',
    );
  });
});

describe('the buyer (social connection)', () => {
  it('sees the classic pets for sale', async () => {
    const reply = await call(api('/pets?limit=100'), { token: tokens.buyer });
    expect(reply.status).toBe(200);
    const classic = reply.json.items.map(
      (pet: { type: string; price: number }) => `${pet.type} ${pet.price}`,
    );
    expect(classic).toEqual(expect.arrayContaining(['dog 249.99', 'cat 124.99', 'fish 0.99']));
  });

  it('buys a pet, recorded as sold to them; a second buyer is told it is gone', async () => {
    // Prepare
    const pet = (
      await call(api('/pets'), {
        method: 'POST',
        token: tokens.admin,
        body: { type: 'bird', price: 15 },
      })
    ).json;

    // Act
    const bought = await call(api(`/pets/${pet.id}/purchase`), {
      method: 'POST',
      token: tokens.buyer,
    });
    const late = await call(api(`/pets/${pet.id}/purchase`), {
      method: 'POST',
      token: tokens.otherBuyer,
    });

    // Assess
    expect(bought.status).toBe(200);
    expect(bought.json.soldTo.name).toBe('Bea Buyer');
    expect(late.status).toBe(409);
    expect(late.json.code).toBe('PET_ALREADY_SOLD');
  });

  it('may not add or remove pets: 403 from the gateway, readable by the SPA', async () => {
    const add = await call(api('/pets'), {
      method: 'POST',
      token: tokens.buyer,
      body: { type: 'dog', price: 1 },
      headers: { Origin: stack.webOrigin },
    });
    const remove = await call(api('/pets/0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a'), {
      method: 'DELETE',
      token: tokens.buyer,
      headers: { Origin: stack.webOrigin },
    });
    expect([add.status, remove.status]).toEqual([403, 403]);
    expect(remove.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(remove.headers.get('access-control-allow-origin')).toBe(stack.webOrigin);
  });

  it('uses one cached token across every route it may call (cache-safe policy)', async () => {
    const replies = await Promise.all([
      call(api('/me'), { token: tokens.buyer }),
      call(api('/pets?type=dog'), { token: tokens.buyer }),
      call(api('/pets/0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a'), { token: tokens.buyer }),
      call(api('/pets/0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a/purchase'), {
        method: 'POST',
        token: tokens.buyer,
      }),
    ]);
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 404, 404]);
    expect(replies[0]?.json).toMatchObject({
      name: 'Bea Buyer',
      permissions: ['read:pets', 'purchase:pets'],
    });
  });
});

describe('the admin (database connection)', () => {
  it('adds a pet, sees it, removes it', async () => {
    // Act
    const added = await call(api('/pets'), {
      method: 'POST',
      token: tokens.admin,
      body: { type: 'gecko', price: 42.5 },
    });
    const seen = await call(api(`/pets/${added.json.id}`), { token: tokens.admin });
    const removed = await call(api(`/pets/${added.json.id}`), {
      method: 'DELETE',
      token: tokens.admin,
    });
    const gone = await call(api(`/pets/${added.json.id}`), { token: tokens.admin });

    // Assess
    expect(added.status).toBe(201);
    expect(added.headers.get('location')).toBe(`/pets/${added.json.id}`);
    expect(seen.json).toMatchObject({ type: 'gecko', price: 42.5, isSold: false });
    expect(removed.status).toBe(204);
    expect(gone.status).toBe(404);
  });

  it('sees who bought what', async () => {
    const pet = (
      await call(api('/pets'), {
        method: 'POST',
        token: tokens.admin,
        body: { type: 'cat', price: 3 },
      })
    ).json;
    await call(api(`/pets/${pet.id}/purchase`), { method: 'POST', token: tokens.buyer });
    const seen = await call(api(`/pets/${pet.id}`), { token: tokens.admin });
    expect(seen.json.soldTo).toMatchObject({ name: 'Bea Buyer' });
  });

  it('may not buy', async () => {
    const pet = (
      await call(api('/pets'), {
        method: 'POST',
        token: tokens.admin,
        body: { type: 'fish', price: 2 },
      })
    ).json;
    const reply = await call(api(`/pets/${pet.id}/purchase`), {
      method: 'POST',
      token: tokens.admin,
    });
    expect(reply.status).toBe(403);
  });

  it('gets a problem for bad input, and nothing is written', async () => {
    const before = (await call(api('/pets?limit=100'), { token: tokens.admin })).json.items.length;
    const reply = await call(api('/pets'), {
      method: 'POST',
      token: tokens.admin,
      body: { type: 'dog', price: -1 },
    });
    const after = (await call(api('/pets?limit=100'), { token: tokens.admin })).json.items.length;
    expect(reply.status).toBe(400);
    expect(reply.headers.get('content-type')).toBe('application/problem+json');
    expect(after).toBe(before);
  });
});

describe('a service (client credentials)', () => {
  const partner = (path: string) => `${stack.partnerApiUrl}${path}`;

  it('reads on the partner API with its token and its API key, with its granted permission and nothing more', async () => {
    const key = { 'x-api-key': bannerApiKey(stack) };
    const me = await call(partner('/me'), { token: tokens.m2m, headers: key });
    const list = await call(partner('/pets'), { token: tokens.m2m, headers: key });
    // The partner API has no write routes at all.
    const add = await call(partner('/pets'), {
      method: 'POST',
      token: tokens.m2m,
      headers: key,
      body: { type: 'dog', price: 1 },
    });
    expect(me.json).toMatchObject({ permissions: ['read:pets'], clientId: 'petstore-m2m' });
    expect([list.status, add.status]).toEqual([200, 403]);
    expect(add.json).toEqual({ message: 'Missing Authentication Token' });
  });

  it('is refused on the token API (401), so it cannot go around its usage plan', async () => {
    const me = await call(api('/me'), { token: tokens.m2m });
    const list = await call(api('/pets'), { token: tokens.m2m });
    expect([me.status, list.status]).toEqual([401, 401]);
    expect(stack.output()).toMatch(
      /token rejected.*CLIENT_NOT_ALLOWED|CLIENT_NOT_ALLOWED.*token rejected/,
    );
  });

  it("a user's token is refused on the partner API, key or not", async () => {
    const key = { 'x-api-key': bannerApiKey(stack) };
    const reply = await call(partner('/me'), { token: tokens.buyer, headers: key });
    expect(reply.status).toBe(401);
  });
});
