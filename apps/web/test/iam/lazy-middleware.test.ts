import { expect, it } from 'vitest';
import type { ClientMiddleware } from '../../src/iam/iam-middleware';
import { lazyMiddleware } from '../../src/iam/lazy-middleware';

type OnRequest = NonNullable<Extract<ClientMiddleware, { onRequest: unknown }>['onRequest']>;
const params = (request: Request) => ({ request }) as unknown as Parameters<OnRequest>[0];

const tagging: ClientMiddleware = {
  onRequest({ request }) {
    request.headers.set('x-loaded', 'yes');
    return request;
  },
};

it('loads the middleware once, at once, and runs it for every request', async () => {
  // Prepare
  let loads = 0;
  const middleware = lazyMiddleware(async () => {
    loads += 1;
    return tagging;
  });

  // Act
  const first = await middleware.onRequest?.(params(new Request('http://127.0.0.1/a')));
  const second = await middleware.onRequest?.(params(new Request('http://127.0.0.1/b')));

  // Assess
  expect(loads).toBe(1);
  expect((first as Request).headers.get('x-loaded')).toBe('yes');
  expect((second as Request).headers.get('x-loaded')).toBe('yes');
});

it('fails the request when loading fails, and loads again for the next one', async () => {
  // Prepare: the chunk cannot be fetched the first time
  let loads = 0;
  const middleware = lazyMiddleware(async () => {
    loads += 1;
    if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
    return tagging;
  });

  // Act
  const failed = middleware.onRequest?.(params(new Request('http://127.0.0.1/a')));
  await expect(failed).rejects.toThrow(/dynamically imported/);
  const next = await middleware.onRequest?.(params(new Request('http://127.0.0.1/b')));

  // Assess
  expect(loads).toBe(2);
  expect((next as Request).headers.get('x-loaded')).toBe('yes');
});
