import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { html, raw } from '../interactions/pages/html';
import { layout } from '../interactions/pages/layout';
import { messagePage } from '../interactions/pages/message-page';
import { pageContentSecurityPolicy } from '../server/frame-headers';

/**
 * The sign-out confirmation (end_session). `form` is oidc-provider's hidden form (`op.logoutForm`,
 * with its xsrf token); the buttons submit it.
 *
 * @example
 * new Provider(issuer, { features: { rpInitiatedLogout: { enabled: true, logoutSource } } });
 */
export function logoutSource(ctx: KoaContextWithOIDC, form: string): void {
  ctx.type = 'html';
  ctx.set('content-security-policy', pageContentSecurityPolicy);
  ctx.body = layout(
    'Sign out of Pet Store?',
    html`${raw(form)}
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Yes, sign me out</button>
<button type="submit" form="op.logoutForm" class="secondary">No, stay signed in</button>`,
  );
}

/** Shown after sign-out when the client gave no post-logout redirect URI. */
export function postLogoutSuccessSource(ctx: KoaContextWithOIDC): void {
  ctx.type = 'html';
  ctx.set('content-security-policy', pageContentSecurityPolicy);
  ctx.body = messagePage('Signed out', 'You have signed out of Pet Store.');
}

/**
 * oidc-provider's error page (bad authorization requests and the like), without external assets.
 *
 * @example
 * new Provider(issuer, { renderError });
 */
export function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  ctx.type = 'html';
  ctx.set('content-security-policy', pageContentSecurityPolicy);
  ctx.body = messagePage(
    'Something went wrong',
    `${out.error}${out.error_description ? `: ${out.error_description}` : ''}`,
  );
}
