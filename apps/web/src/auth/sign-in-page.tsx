import { useEffect } from 'react';
import { type ErrorContext, hasAuthParams } from 'react-oidc-context';
import { returnPathOf } from './sign-in-args';
import { signInErrorText } from './sign-in-error-text';
import { isWorthShowing } from './silent-sign-in';
import { useSignIn } from './use-sign-in';

/**
 * The page anyone who is not signed in sees: what the store is, one button to sign in at the
 * identity provider, and why the last attempt failed, if it did (not when a silent sign-in found
 * the provider's session over: the page itself is the answer to that).
 *
 * @example
 * <SignInPage error={useAuth().error} />
 */
export function SignInPage({ error }: { error: ErrorContext | undefined }) {
  const signIn = useSignIn();
  useEffect(() => {
    // A failed callback leaves `code`/`error` and `state` in the address bar: clear them, back on
    // the page the sign-in started from when the answer carried our own (matched) state.
    const state = (error?.innerError as { state?: unknown } | undefined)?.state;
    if (hasAuthParams()) window.history.replaceState(null, '', returnPathOf({ state }));
  }, [error]);
  return (
    <main className="centered-page">
      <section className="sign-in-card" aria-labelledby="sign-in-heading">
        <p className="brand brand-large">
          <span className="brand-mark" aria-hidden="true">
            P
          </span>
          Pet Store
        </p>
        <h1 id="sign-in-heading">Sign in</h1>
        <p>Find a new friend, or look after the store.</p>
        {isWorthShowing(error) && (
          <p className="inline-error" role="alert">
            {signInErrorText(error)}
          </p>
        )}
        <button type="button" className="button button-primary button-wide" onClick={signIn}>
          Sign in
        </button>
        <p className="hint">
          Staff sign in with their email and password; shoppers continue with their Amazon account.
        </p>
      </section>
    </main>
  );
}
