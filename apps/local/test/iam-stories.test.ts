import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configuredEndpoints } from '../src/config/configured-endpoints';
import { localIamSettings } from '../src/iam/local-iam-settings';
import {
  type IamEndpoints,
  type RoleCredentials,
  roleCredentials,
} from '../src/iam/role-credentials';
import { call } from './support/api-client';
import { type SignedCallInit, signedCall } from './support/signed-call';
import { type StackProcess, startStackProcess } from './support/stack-process';
import { tokenFor } from './support/tokens';

// The tutorial's IAM way on `pnpm start`: ID tokens from the dev-idp (tagged with the role by the
// connection), credentials from the local STS through the AWS SDK's web identity provider,
// requests signed with the SDK's SigV4 signer to the IAM API, which the gateway verifies.
let stack: StackProcess;
let endpoints: IamEndpoints;
const signedIn: Record<'admin' | 'buyer' | 'otherBuyer', RoleCredentials | undefined> = {
  admin: undefined,
  buyer: undefined,
  otherBuyer: undefined,
};
const otherBuyer = { connection: 'social', name: 'Cy Buyer', email: 'cy@example.com' } as const;

beforeAll(async () => {
  stack = await startStackProcess();
  const configured = configuredEndpoints(stack.ports);
  endpoints = { ...configured, ...(await localIamSettings(configured)) };
  signedIn.admin = await roleCredentials('admin', endpoints);
  signedIn.buyer = await roleCredentials('buyer', endpoints);
  signedIn.otherBuyer = await roleCredentials('buyer', endpoints, { signIn: otherBuyer });
}, 120_000);
afterAll(async () => {
  await stack?.stop();
});

function as(who: keyof typeof signedIn): RoleCredentials {
  const credentials = signedIn[who];
  if (!credentials) throw new Error(`${who} has no credentials (beforeAll failed)`);
  return credentials;
}

const iamApi = (path: string) => `${stack.iamApiUrl}${path}`;
const signed = (
  who: keyof typeof signedIn,
  path: string,
  init: Omit<SignedCallInit, 'region' | 'credentials'> = {},
) =>
  signedCall(iamApi(path), {
    ...init,
    region: endpoints.region,
    credentials: as(who).credentials,
  });

async function addPet(type: string, price: number): Promise<{ id: string }> {
  const reply = await signed('admin', '/pets', { method: 'POST', body: { type, price } });
  expect(reply.status).toBe(201);
  return reply.json;
}

describe('role assignment, server-side', () => {
  it('gives the database user the admin role and the social user the buyer role', () => {
    expect([as('admin').role, as('buyer').role]).toEqual(['admin', 'buyer']);
  });

  it('refuses a social user the admin role at STS (AccessDenied), whatever the client asks', async () => {
    const attempt = roleCredentials('buyer', endpoints, { role: 'admin' });
    await expect(attempt).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

describe('the IAM API', () => {
  it('refuses an unsigned request: 403 Missing Authentication Token, readable by the SPA', async () => {
    const reply = await call(iamApi('/pets'), { headers: { Origin: stack.webOrigin } });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
    expect(reply.headers.get('access-control-allow-origin')).toBe(stack.webOrigin);
  });

  it('answers the CORS preflight without a signature, allowing the SigV4 headers', async () => {
    const response = await fetch(iamApi('/pets'), {
      method: 'OPTIONS',
      headers: {
        Origin: stack.webOrigin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,x-amz-date,x-amz-security-token',
      },
    });
    const allowed = response.headers.get('access-control-allow-headers')?.toLowerCase() ?? '';
    expect(response.status).toBe(200);
    expect(allowed).toContain('x-amz-security-token');
    expect(allowed).toContain('x-amz-date');
  });

  it('lets the admin add and remove a pet, and the buyer see the catalogue', async () => {
    const pet = await addPet('gecko', 42.5);
    const seen = await signed('buyer', `/pets/${pet.id}`);
    const removed = await signed('admin', `/pets/${pet.id}`, { method: 'DELETE' });
    const gone = await signed('buyer', `/pets/${pet.id}`);
    expect([seen.status, removed.status, gone.status]).toEqual([200, 204, 404]);
  });

  it('records the buyer of a purchase from their verified ID token', async () => {
    const pet = await addPet('bird', 15);
    const bought = await signed('buyer', `/pets/${pet.id}/purchase`, {
      method: 'POST',
      headers: { 'X-Id-Token': as('buyer').idToken },
    });
    expect(bought.status).toBe(200);
    expect(bought.json.soldTo).toMatchObject({ name: 'Bea Buyer' });
  });

  it('refuses a purchase without the ID token (403 IDENTITY_TOKEN_REQUIRED), writing nothing', async () => {
    const pet = await addPet('fish', 9);
    const refused = await signed('buyer', `/pets/${pet.id}/purchase`, { method: 'POST' });
    const after = await signed('buyer', `/pets/${pet.id}`);
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('IDENTITY_TOKEN_REQUIRED');
    expect(after.json.isSold).toBe(false);
  });

  it("refuses a buyer's credentials with another buyer's ID token", async () => {
    const pet = await addPet('cat', 20);
    const refused = await signed('buyer', `/pets/${pet.id}/purchase`, {
      method: 'POST',
      headers: { 'X-Id-Token': as('otherBuyer').idToken },
    });
    expect(refused.status).toBe(403);
    expect(refused.json.code).toBe('IDENTITY_TOKEN_INVALID');
  });

  it('denies buyer credentials on admin routes, naming the assumed role (AccessDenied)', async () => {
    const reply = await signed('buyer', '/pets', {
      method: 'POST',
      body: { type: 'cat', price: 1 },
      headers: { Origin: stack.webOrigin },
    });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
    expect(JSON.stringify(reply.json)).toContain(':assumed-role/');
    expect(reply.headers.get('access-control-allow-origin')).toBe(stack.webOrigin);
  });

  it("denies an admin's credentials on a purchase, even with the admin's ID token", async () => {
    const pet = await addPet('dog', 30);
    const reply = await signed('admin', `/pets/${pet.id}/purchase`, {
      method: 'POST',
      headers: { 'X-Id-Token': as('admin').idToken },
    });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('x-amzn-errortype')).toBe('AccessDeniedException');
  });

  it('refuses a request whose body was changed after signing (InvalidSignatureException)', async () => {
    const reply = await signed('admin', '/pets', {
      method: 'POST',
      body: { type: 'dog', price: 10 },
      sentBody: { type: 'dog', price: 1 },
    });
    expect(reply.status).toBe(403);
    expect(reply.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
  });
});

describe('the token API beside it', () => {
  it('still serves bearer tokens and ignores X-Id-Token', async () => {
    const token = await tokenFor(stack, 'buyer');
    const reply = await call(`${stack.apiUrl}/me`, { token, headers: { 'X-Id-Token': 'x' } });
    expect(reply.status).toBe(200);
    expect(reply.json.permissions).toContain('purchase:pets');
  });
});
