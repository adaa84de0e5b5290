import type { DemoUser } from '../../accounts/seed-users';
import { roleForConnection } from '../../rules/connection-rules';
import { html } from './html';
import { layout } from './layout';

export interface LoginPageInput {
  readonly uid: string;
  readonly clientName: string;
  /** The email typed before, kept after a failed attempt. */
  readonly email?: string;
  readonly error?: string;
  /** The seed users with a demo password (`demoUsersOf`), listed to sign in with; none: no list. */
  readonly demoUsers?: readonly DemoUser[];
}

/**
 * The sign-in page: the database connection's form, the social connection's button and, when
 * the seed file has demo users, how to sign in as each (this provider is the local one: a real
 * provider never shows such a list).
 *
 * @example
 * loginPage({ uid, clientName: 'Pet Store', email: 'a@b.c', error: 'Wrong email or password.', demoUsers })
 */
export function loginPage(input: LoginPageInput): string {
  const { uid, clientName, email, error, demoUsers = [] } = input;
  const invalid = error !== undefined;
  const describedBy = invalid && html` aria-invalid="true" aria-describedby="login-error"`;
  return layout(
    `Sign in to ${clientName}`,
    html`${invalid && html`<p class="alert" role="alert" id="login-error">${error}</p>`}
<section aria-labelledby="database-heading">
<h2 id="database-heading">Staff: email and password</h2>
<form id="database-login" method="post" action="/interaction/${uid}/login" novalidate>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" required value="${email ?? ''}"${describedBy}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required${describedBy}>
<button type="submit">Sign in</button>
</form>
</section>
<section aria-labelledby="social-heading">
<h2 id="social-heading">Shoppers: a social account</h2>
<form id="social-login" method="get" action="/interaction/${uid}/amazon-demo">
<button type="submit" class="secondary">Continue with Amazon (demo)</button>
</form>
</section>
${
  demoUsers.length > 0 &&
  html`<section class="demo" aria-labelledby="demo-heading">
<h2 id="demo-heading">Demo accounts on this local provider</h2>
<ul>
${demoUsers.map(
  (user) =>
    html`<li>${user.name} (${roleForConnection('database')}): <code>${user.email}</code> / <code>${user.password}</code></li>`,
)}
<li>A shopper (${roleForConnection('social')}): Continue with Amazon (demo), any name and email</li>
</ul>
</section>`
}
<form id="cancel" method="post" action="/interaction/${uid}/abort">
<button type="submit" class="secondary">Cancel</button>
</form>`,
  );
}
