import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createPetStoreClient } from '../src/client';

let seen: IncomingHttpHeaders[] = [];
const server = createServer((request, response) => {
  seen.push(request.headers);
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ items: [] }));
});
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it('sends the current access token as a bearer token', async () => {
  // Prepare
  seen = [];
  let token = 'first';
  const api = createPetStoreClient({ baseUrl, getAccessToken: () => token });

  // Act
  const { data } = await api.GET('/pets', { params: { query: { type: 'dog', limit: 5 } } });
  token = 'second';
  await api.GET('/me');

  // Assess
  expect(data).toEqual({ items: [] });
  expect(seen.map((headers) => headers.authorization)).toEqual(['Bearer first', 'Bearer second']);
});

it('sends no Authorization header without a token', async () => {
  seen = [];
  const api = createPetStoreClient({ baseUrl, getAccessToken: () => undefined });
  await api.GET('/pets');
  expect(seen[0]?.authorization).toBeUndefined();
});
