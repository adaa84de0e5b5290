import type { ClientMiddleware } from './iam-middleware';

/**
 * A typed-client middleware whose code loads on demand (its own chunk, outside the initial
 * JavaScript), starting at once. Requests wait for it; if loading fails (network), that request
 * fails and the next one loads again.
 *
 * @example
 * api.use(lazyMiddleware(() => import('../iam/iam-middleware').then((m) => m.iamMiddleware(options))));
 */
export function lazyMiddleware(load: () => Promise<ClientMiddleware>): ClientMiddleware {
  let loading: Promise<ClientMiddleware> | undefined;
  const loaded = () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
  void loaded().catch(() => undefined);
  return {
    async onRequest(params) {
      const middleware = await loaded();
      return middleware.onRequest ? middleware.onRequest(params) : params.request;
    },
  };
}
