import type { Me } from '@petstore/api-contract/types';
import { useCallback, useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import type { ApiFailure } from '../api/api-failure';
import { callApi } from '../api/call-api';

/** The caller as the API sees them (`GET /me`), while it loads, or why it could not. */
export type MeState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly me: Me }
  | { readonly status: 'failed'; readonly failure: ApiFailure };

/**
 * Loads who the API says the caller is: name, subject and permissions. The screens adapt to
 * these permissions; the API still checks every call.
 *
 * @example
 * const { state, retry } = useMe();
 * if (state.status === 'ready') show(state.me.name);
 */
export function useMe(): { state: MeState; retry: () => void } {
  const api = useApi();
  const [state, setState] = useState<MeState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // `attempt` is in the dependencies to load again on retry.
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    void callApi(() => api.GET('/me', { signal: controller.signal })).then((outcome) => {
      if (controller.signal.aborted) return;
      setState(
        outcome.ok
          ? { status: 'ready', me: outcome.data }
          : { status: 'failed', failure: outcome.failure },
      );
    });
    return () => controller.abort();
  }, [api, attempt]);

  const retry = useCallback(() => setAttempt((count) => count + 1), []);
  return { state, retry };
}
