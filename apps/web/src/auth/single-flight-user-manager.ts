import { type SigninSilentArgs, type User, UserManager } from 'oidc-client-ts';

/**
 * A `UserManager` that runs at most one renewal at a time. The provider rotates refresh tokens
 * and treats a reused one as stolen (it revokes the grant), so two renewals racing with the same
 * refresh token (the automatic timer and an API call finding the token expired) would sign the
 * person out. Callers during a renewal share its result.
 *
 * @example
 * const userManager = new SingleFlightUserManager(userManagerSettings(config, location.origin));
 * await Promise.all([userManager.signinSilent(), userManager.signinSilent()]); // one token request
 */
export class SingleFlightUserManager extends UserManager {
  #renewal: Promise<User | null> | undefined;

  override signinSilent(args?: SigninSilentArgs): Promise<User | null> {
    this.#renewal ??= super.signinSilent(args).finally(() => {
      this.#renewal = undefined;
    });
    return this.#renewal;
  }
}
