import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { ProxyHandler } from '../../src/define-handler';
import { sessionOf, users } from '../support/iam-users';
import { signIdToken } from '../support/id-token-issuer';
import { invoke } from '../support/invoke';
import { seedPet } from '../support/seed';
import { testTable } from '../support/table';

let handler: ProxyHandler;

beforeAll(async () => {
  // The identity provider's JWKS endpoint down: a loopback port that nothing listens on.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  process.env.ID_TOKEN_JWKS_URI = `http://127.0.0.1:${port}/jwks`;
  // Imported after the environment is set: the handler reads it at cold start.
  ({ handler } = await import('../../src/handlers/purchase-pet'));
});

describe('POST /pets/{petId}/purchase on the IAM API, JWKS unreachable', () => {
  it('answers 500 INTERNAL (a fault, not a refused token) and writes nothing', async () => {
    // Prepare
    const pet = await seedPet();
    const before = await testTable().items();

    // Act
    const answer = await invoke(handler, {
      method: 'POST',
      resource: '/pets/{petId}/purchase',
      pathParameters: { petId: pet.id },
      assumedRole: await sessionOf(users.bea),
      headers: { 'X-Id-Token': await signIdToken(inject('idTokenIssuer'), users.bea) },
    });

    // Assess
    expect(answer.status).toBe(500);
    expect(answer.json.code).toBe('INTERNAL');
    expect(await testTable().items()).toEqual(before);
  });
});
