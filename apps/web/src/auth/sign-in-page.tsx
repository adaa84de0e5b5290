import { useEffect } from 'react';
import { type ErrorContext, hasAuthParams } from 'react-oidc-context';
import { signInErrorText } from './sign-in-error-text';
import { useSignIn } from './use-sign-in';

/**
 * The page anyone who is not signed in sees: what the store is, one button to sign in at the
 * identity provider, and why the last attempt failed, if it did.
 *
 * @example
 * <SignInPage error={useAuth().error} />
 */
export function SignInPage({ error }: { error: ErrorContext | undefined }) {
  const signIn = useSignIn();
  useEffect(() => {
    // A failed callback leaves `code`/`error` and `state` in the address bar: clear them.
    if (hasAuthParams()) window.history.replaceState(null, '', '/');
  }, []);
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
        {error && (
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
