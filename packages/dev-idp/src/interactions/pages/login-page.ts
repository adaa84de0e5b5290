import { html } from './html';
import { layout } from './layout';

export interface LoginPageInput {
  readonly uid: string;
  readonly clientName: string;
  /** The email typed before, kept after a failed attempt. */
  readonly email?: string;
  readonly error?: string;
}

/**
 * The sign-in page: the database connection's form and the social connection's button.
 *
 * @example
 * loginPage({ uid, clientName: 'Pet Store', email: 'a@b.c', error: 'Wrong email or password.' })
 */
export function loginPage({ uid, clientName, email, error }: LoginPageInput): string {
  const invalid = error !== undefined;
  return layout(
    'Sign in to Pet Store',
    html`<p>to continue to ${clientName}</p>
${invalid && html`<p class="alert" role="alert" id="login-error">${error}</p>`}
<section aria-labelledby="database-heading">
<h2 id="database-heading">With your email and password</h2>
<form id="database-login" method="post" action="/interaction/${uid}/login" novalidate>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${email ?? ''}"${invalid && html` aria-invalid="true" aria-describedby="login-error"`}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${invalid && html` aria-invalid="true" aria-describedby="login-error"`}>
<button type="submit">Sign in</button>
</form>
</section>
<section aria-labelledby="social-heading">
<h2 id="social-heading">Or with a social account</h2>
<form id="social-login" method="get" action="/interaction/${uid}/amazon-demo">
<button type="submit">Continue with Amazon (demo)</button>
</form>
</section>
<form id="cancel" method="post" action="/interaction/${uid}/abort">
<button type="submit" class="secondary">Cancel</button>
</form>`,
  );
}
