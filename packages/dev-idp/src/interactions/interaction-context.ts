import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { AccountStore } from '../accounts/account-store';
import type { SignInThrottle } from '../accounts/sign-in-throttle';

/** Everything one interaction route needs for one request. */
export interface InteractionContext {
  readonly provider: Provider;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The interaction id from the path. */
  readonly uid: string;
  readonly accounts: AccountStore;
  /** Failed database sign-in limits. */
  readonly throttle: SignInThrottle;
  readonly log: (message: string) => void;
}

export type InteractionRoute = (context: InteractionContext) => Promise<void>;

/**
 * The display name of the client an interaction is for.
 *
 * @example
 * await clientNameOf(provider, details.params.client_id) // 'Pet Store'
 */
export async function clientNameOf(provider: Provider, clientId: unknown): Promise<string> {
  const client = await provider.Client.find(String(clientId));
  return client?.clientName ?? String(clientId);
}
