// @vitest-environment node
import { createPetStoreClient } from '@petstore/api-contract/client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { callApi } from '../../src/api/call-api';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const client = () => createPetStoreClient({ baseUrl: server.url, getAccessToken: () => 'token-1' });

it('returns the data of a successful call, the bearer token sent by the client', async () => {
  // Prepare
  server.reply('GET /me', {
    status: 200,
    body: { subject: 's', name: 'Ada', permissions: ['read:pets'] },
  });

  // Act
  const outcome = await callApi(() => client().GET('/me'));

  // Assess
  expect(outcome).toEqual({
    ok: true,
    data: { subject: 's', name: 'Ada', permissions: ['read:pets'] },
  });
  expect(server.received.at(-1)?.authorization).toBe('Bearer token-1');
});

it("classifies an API problem and a gateway's own error", async () => {
  // Prepare
  const petId = '0b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a';
  server.reply(`POST /pets/${petId}/purchase`, {
    status: 409,
    body: { type: 'about:blank', title: 'Sold', status: 409, code: 'PET_ALREADY_SOLD' },
    contentType: 'application/problem+json',
  });
  server.reply(`DELETE /pets/${petId}`, {
    status: 403,
    body: { Message: 'User is not authorized' },
  });

  // Act
  const purchase = await callApi(() =>
    client().POST('/pets/{petId}/purchase', { params: { path: { petId } } }),
  );
  const removal = await callApi(() =>
    client().DELETE('/pets/{petId}', { params: { path: { petId } } }),
  );

  // Assess
  expect(purchase).toEqual({ ok: false, failure: { kind: 'already-sold' } });
  expect(removal).toEqual({ ok: false, failure: { kind: 'forbidden' } });
});

it('treats a 204 without a body as success', async () => {
  // Prepare
  const petId = '1b9e8a3c-4f7e-4d8e-9a57-2f6f8d0c1e2a';
  server.reply(`DELETE /pets/${petId}`, { status: 204 });

  // Act
  const outcome = await callApi(() =>
    client().DELETE('/pets/{petId}', { params: { path: { petId } } }),
  );

  // Assess
  expect(outcome.ok).toBe(true);
});

it('reports a server nobody answers on as a network failure, and an aborted call as aborted', async () => {
  // Prepare
  const closed = await startTestServer();
  await closed.close();
  const unreachable = createPetStoreClient({ baseUrl: closed.url, getAccessToken: () => 't' });
  const controller = new AbortController();
  controller.abort();

  // Act
  const network = await callApi(() => unreachable.GET('/me'));
  const aborted = await callApi(() => client().GET('/me', { signal: controller.signal }));

  // Assess
  expect(network).toEqual({ ok: false, failure: { kind: 'network' } });
  expect(aborted).toEqual({ ok: false, failure: { kind: 'aborted' } });
});
