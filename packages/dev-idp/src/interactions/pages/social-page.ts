import { html } from './html';
import { layout } from './layout';

export interface SocialPageInput {
  readonly uid: string;
  readonly name?: string;
  readonly email?: string;
  readonly errors?: readonly string[];
}

/**
 * The simulated upstream of the social connection: it stands in for Amazon's sign-in and asks
 * only for the display name and email it would share.
 *
 * @example
 * socialPage({ uid, errors: ['Enter your email address.'] })
 */
export function socialPage({ uid, name, email, errors = [] }: SocialPageInput): string {
  const invalid = errors.length > 0;
  return layout(
    'Amazon (demo)',
    html`<p class="note">A stand-in for Amazon's sign-in page: nothing leaves this machine and no
password is needed. What you enter becomes a <strong>social</strong> account, so you sign in as a
buyer.</p>
${invalid && html`<div class="alert" role="alert" id="social-errors"><ul>${errors.map((error) => html`<li>${error}</li>`)}</ul></div>`}
<form id="social-profile" method="post" action="/interaction/${uid}/amazon-demo" novalidate>
<label for="name">Display name</label>
<input id="name" name="name" type="text" autocomplete="name" required maxlength="80" value="${name ?? ''}"${invalid && html` aria-describedby="social-errors"`}>
<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="email" required value="${email ?? ''}"${invalid && html` aria-describedby="social-errors"`}>
<button type="submit">Continue</button>
</form>
<p><a href="/interaction/${uid}">Back to the sign-in choices</a></p>`,
  );
}
