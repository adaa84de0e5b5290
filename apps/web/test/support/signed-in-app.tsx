import { createPetStoreClient } from '@petstore/api-contract/client';
import type { Me, Pet } from '@petstore/api-contract/types';
import { rolePermissions } from '@petstore/domain/roles';
import { render, screen } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { User, UserManager } from 'oidc-client-ts';
import { App } from '../../src/app/app';
import { accessTokenSource } from '../../src/auth/access-token-source';
import { memoryStore } from './memory-store';
import type { TestServer } from './test-server';

export const people = {
  admin: { subject: 'database|ada', name: 'Ada Admin', permissions: [...rolePermissions.admin] },
  buyer: { subject: 'amazon-demo|bea', name: 'Bea Buyer', permissions: [...rolePermissions.buyer] },
} as const satisfies Record<string, Me>;

let sequence = 0;

/** A pet as the API returns it; ids are valid UUIDs, unique per call. */
export function aPet(overrides: Partial<Pet> = {}): Pet {
  sequence += 1;
  const id = `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
  return {
    id,
    type: 'cat',
    price: 124.99,
    isSold: false,
    createdAt: '2026-11-21T10:00:00Z',
    ...overrides,
  };
}

/**
 * Renders the whole app signed in (a user in its in-memory store, as after the sign-in callback),
 * its typed client pointed at `server`. The server must answer `GET /me` and `GET /pets`.
 */
export interface SignedInOptions {
  readonly path?: string;
  /** Seconds the access token has left (default 600). */
  readonly expiresIn?: number;
  /** Renew before expiry, with a refresh token the provider (nobody here) would have to accept. */
  readonly renew?: boolean;
}

export async function renderSignedIn(
  server: TestServer,
  options: SignedInOptions = {},
): Promise<UserEvent> {
  const { path = '/', expiresIn = 600, renew = false } = options;
  window.history.replaceState(null, '', path);
  const userManager = new UserManager({
    authority: 'http://127.0.0.1:9',
    client_id: 'petstore-web',
    redirect_uri: `${window.location.origin}/callback`,
    userStore: memoryStore(),
    automaticSilentRenew: renew,
  });
  await userManager.storeUser(
    new User({
      access_token: 'access-token-1',
      ...(renew ? { refresh_token: 'refresh-token-1' } : {}),
      token_type: 'Bearer',
      profile: {
        sub: 's',
        iss: 'http://127.0.0.1:9',
        aud: 'petstore-web',
        exp: 0,
        iat: 0,
        name: 'From the ID token',
      },
      expires_at: Math.floor(Date.now() / 1000) + expiresIn,
    }),
  );
  const api = createPetStoreClient({
    baseUrl: server.url,
    getAccessToken: accessTokenSource(userManager),
  });
  const events = userEvent.setup();
  render(<App userManager={userManager} api={api} />);
  await screen.findByRole('heading', { name: 'Pets', level: 1 });
  return events;
}
