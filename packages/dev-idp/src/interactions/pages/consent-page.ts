import { html } from './html';
import { layout } from './layout';

export interface ConsentPageInput {
  readonly uid: string;
  readonly clientName: string;
  readonly user: { readonly name: string; readonly email: string };
  readonly role: string;
  /** OpenID scopes asked for (profile, email...). */
  readonly identityScopes: readonly string[];
  /** API permissions the rule allows and the client asked for. */
  readonly granted: readonly string[];
  /** API permissions the client asked for that the rule refuses. */
  readonly refused: readonly string[];
}

const identityLabels: Record<string, string> = {
  openid: 'Know who you are',
  profile: 'See your display name',
  email: 'See your email address',
  offline_access: 'Stay signed in (refresh tokens)',
};

/**
 * The consent page: what the client will be able to do, and what it asked for that the
 * role rule refuses.
 *
 * @example
 * consentPage({ uid, clientName: 'Pet Store', user, role: 'buyer', identityScopes: ['openid'], granted: ['read:pets'], refused: ['create:pets'] })
 */
export function consentPage(input: ConsentPageInput): string {
  const { uid, clientName, user, role, identityScopes, granted, refused } = input;
  return layout(
    `Allow ${clientName}?`,
    html`<p>Signed in as ${user.name} (${user.email}), role <strong>${role}</strong>.</p>
<h2>${clientName} will be able to</h2>
<ul>
${identityScopes.map((scope) => html`<li>${identityLabels[scope] ?? scope}</li>`)}
${granted.map((scope) => html`<li>Use the Pet Store API: <code>${scope}</code></li>`)}
</ul>
${
  refused.length > 0 &&
  html`<h2>Not granted</h2>
<p>Your role (${role}) does not include:</p>
<ul>${refused.map((scope) => html`<li><code>${scope}</code></li>`)}</ul>`
}
<form id="consent" method="post" action="/interaction/${uid}/consent">
<button type="submit">Allow</button>
</form>
<form id="deny" method="post" action="/interaction/${uid}/abort">
<button type="submit" class="secondary">Deny</button>
</form>`,
  );
}
