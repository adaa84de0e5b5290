import type { SigninRedirectArgs } from 'oidc-client-ts';
import type { ErrorContext } from 'react-oidc-context';
import { signInArgs } from './sign-in-args';

/**
 * A sign-in redirect that shows the person nothing at the provider (`prompt=none`): it comes back
 * at once, signed in while the provider's session lasts, else with `login_required` (or another
 * error). Same scopes and audience as any sign-in (they come from the settings), a fresh nonce,
 * and the page to come back to in the state.
 *
 * @example
 * await auth.signinRedirect(silentSignInArgs(window.location));
 */
export function silentSignInArgs(
  location: Pick<Location, 'pathname' | 'search'>,
): SigninRedirectArgs {
  return { ...signInArgs(location), prompt: 'none' };
}

/**
 * The provider's answers to `prompt=none` that only mean "the person has to sign in themselves":
 * the session ended (`login_required`), or it needs consent, an account choice or another step.
 */
const needsThePersonCodes = new Set([
  'login_required',
  'consent_required',
  'interaction_required',
  'account_selection_required',
]);

/**
 * The provider's error code of a failed sign-in, if it sent one.
 *
 * @example
 * providerErrorCode(auth.error) // 'login_required'
 */
export function providerErrorCode(error: ErrorContext | undefined): string | undefined {
  const inner = error?.innerError as { error?: unknown } | undefined;
  return typeof inner?.error === 'string' ? inner.error : undefined;
}

/**
 * Whether a sign-in error is worth telling the person about. The silent sign-in's "you have to
 * sign in yourself" answers are not: the sign-in page, shown anyway, is the answer to them.
 *
 * @example
 * isWorthShowing(auth.error) // false for login_required
 */
export function isWorthShowing(error: ErrorContext | undefined): error is ErrorContext {
  if (!error) return false;
  const code = providerErrorCode(error);
  return !(
    error.source === 'signinCallback' &&
    code !== undefined &&
    needsThePersonCodes.has(code)
  );
}
