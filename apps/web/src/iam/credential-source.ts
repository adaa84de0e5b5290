import { roleSessionName } from '@petstore/domain/role-session';
import { type Role, roleOfSessionTags } from '@petstore/domain/roles';
import { CredentialsError } from '../api/credentials-error';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import type { AwsCredentials } from './aws-credentials';

/** The part of an oidc-client-ts `User` the exchange needs. */
export interface IdentityUser {
  readonly id_token?: string | undefined;
  readonly profile: Readonly<Record<string, unknown>> & { readonly sub: string };
}

export interface CredentialSourceOptions {
  readonly stsUrl: string;
  readonly roleArns: ReadonlyMap<Role, string>;
  /** Epoch milliseconds; injected by tests. Defaults to `Date.now`. */
  readonly now?: () => number;
  /** Asked of STS (default 3600, the longest a role allows unless it says more). */
  readonly durationSeconds?: number;
  /** Credentials this close to expiry are renewed before use (default 5 minutes). */
  readonly renewMarginMs?: number;
  readonly fetch?: typeof fetch;
}

interface Held {
  readonly idToken: string;
  readonly credentials: AwsCredentials;
}

interface Pending {
  readonly idToken: string;
  readonly promise: Promise<AwsCredentials>;
}

/**
 * The AWS credentials for the signed-in user, from STS, kept in memory only. They are renewed
 * before use when they expire within the margin, and after the ID token was renewed (a new ID
 * token means new credentials, so the session always matches the token the API is sent). One
 * exchange at a time: callers while one runs share its result. A failed exchange is not kept, so
 * the next call (Try again) asks STS again.
 *
 * @example
 * const source = new CredentialSource({ stsUrl, roleArns });
 * const credentials = await source.credentialsFor(user); // one STS call
 * await source.credentialsFor(user); // the same credentials, no call
 */
export class CredentialSource {
  readonly #options: CredentialSourceOptions;
  readonly #now: () => number;
  #held: Held | undefined;
  #pending: Pending | undefined;

  constructor(options: CredentialSourceOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  credentialsFor(user: IdentityUser): Promise<AwsCredentials> {
    const idToken = user.id_token;
    if (!idToken) {
      return Promise.reject(new CredentialsError('invalid-token', 'The sign-in gave no ID token.'));
    }
    const margin = this.#options.renewMarginMs ?? 5 * 60_000;
    const held = this.#held;
    if (held?.idToken === idToken && held.credentials.expiresAt - this.#now() > margin) {
      return Promise.resolve(held.credentials);
    }
    if (this.#pending?.idToken === idToken) return this.#pending.promise;
    const promise = this.#exchange(user, idToken).finally(() => {
      if (this.#pending?.promise === promise) this.#pending = undefined;
    });
    this.#pending = { idToken, promise };
    return promise;
  }

  async #exchange(user: IdentityUser, idToken: string): Promise<AwsCredentials> {
    const role = roleOfSessionTags(user.profile);
    const roleArn = role && this.#options.roleArns.get(role);
    if (!roleArn) {
      throw new CredentialsError('no-role', 'The ID token names no role of the store.');
    }
    const credentials = await assumeRoleWithWebIdentity({
      stsUrl: this.#options.stsUrl,
      roleArn,
      roleSessionName: await roleSessionName(user.profile.sub),
      webIdentityToken: idToken,
      durationSeconds: this.#options.durationSeconds ?? 3600,
      ...(this.#options.fetch ? { fetch: this.#options.fetch } : {}),
    });
    this.#held = { idToken, credentials };
    return credentials;
  }
}
