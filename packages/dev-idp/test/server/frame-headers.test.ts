import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormBrowser } from '../../src/flows/form-browser';
import { getTokens } from '../../src/flows/get-access-token';
import { findForm } from '../../src/flows/html-form';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { authorizationRequest, stopAtCallback } from '../support/authorization-request';
import { asPage, openLoginPage } from '../support/sign-in-page';
import { startTestIdp } from '../support/test-idp';

let idp: DevIdp;

beforeAll(async () => {
  // No auto-consent, so the consent page shows too
  ({ idp } = await startTestIdp({ autoConsentClients: [] }));
});
afterAll(() => idp.close());

/** The sign-out confirmation of a signed-in browser (no post-logout redirect URI). */
async function signOutConfirmation() {
  const browser = new FormBrowser();
  await getTokens(idp.issuer, 'admin', { browser });
  const confirm = asPage(await browser.navigate(`${idp.issuer}/session/end`));
  expect(findForm(confirm.body, 'op.logoutForm')).toBeDefined();
  return { browser, confirm };
}

/** Every kind of response the dev-idp serves, each fetched the way a browser would reach it. */
const pages: Record<string, () => Promise<{ readonly headers: Headers }>> = {
  'sign-in page': async () => (await openLoginPage(idp)).page,
  'social demo page': async () => {
    const { browser, page } = await openLoginPage(idp);
    const action = findForm(page.body, 'social-login')?.action ?? '';
    return asPage(await browser.navigate(new URL(action, page.url)));
  },
  'consent page': async () => {
    const { browser, page } = await openLoginPage(idp);
    const action = findForm(page.body, 'database-login')?.action ?? '';
    const form = new URLSearchParams({
      email: 'clerk@petstore.local',
      password: 'petstore-clerk-demo',
    });
    const consent = asPage(
      await browser.navigate(new URL(action, page.url), {
        method: 'POST',
        form,
        stopAt: stopAtCallback,
      }),
    );
    expect(findForm(consent.body, 'consent')).toBeDefined();
    return consent;
  },
  'expired interaction page': async () =>
    asPage(await new FormBrowser().navigate(`${idp.issuer}/interaction/abc`)),
  'unknown interaction page': async () =>
    asPage(await new FormBrowser().navigate(`${idp.issuer}/interaction/abc/nope`)),
  'sign-out confirmation (end_session)': async () => (await signOutConfirmation()).confirm,
  "oidc-provider's self-submitting end_session form (no session)": async () =>
    asPage(await new FormBrowser().navigate(`${idp.issuer}/session/end`)),
  'signed-out page (end_session success)': async () => {
    const { browser, confirm } = await signOutConfirmation();
    const form = findForm(confirm.body, 'op.logoutForm');
    const fields = new URLSearchParams(form?.fields);
    fields.set('logout', 'yes');
    const target = new URL(form?.action ?? '', confirm.url);
    const done = asPage(await browser.navigate(target, { method: 'POST', form: fields }));
    expect(done.body).toContain('You have signed out of Pet Store.');
    return done;
  },
  "oidc-provider's error page (bad authorization request)": async () => {
    const { url } = await authorizationRequest(idp);
    url.searchParams.set('client_id', 'no-such-client');
    return asPage(await new FormBrowser().navigate(url));
  },
  'discovery document': async () =>
    asPage(await new FormBrowser().navigate(`${idp.issuer}/.well-known/openid-configuration`)),
  JWKS: async () => asPage(await new FormBrowser().navigate(idp.jwksUri)),
  "oidc-provider's unknown route": async () =>
    asPage(await new FormBrowser().navigate(`${idp.issuer}/nope`)),
};

describe('frame headers', () => {
  it.each(Object.keys(pages))('forbid framing the %s', async (name) => {
    // Prepare
    const open = pages[name];
    if (!open) throw new Error(`no page ${name}`);

    // Act
    const { headers } = await open();

    // Assess
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
  });

  const rendered = [
    'sign-in page',
    'social demo page',
    'consent page',
    'expired interaction page',
    'unknown interaction page',
    'sign-out confirmation (end_session)',
    'signed-out page (end_session success)',
    "oidc-provider's error page (bad authorization request)",
  ];
  it.each(rendered)(
    'give the %s, which the dev-idp renders, the strict page policy',
    async (name) => {
      // Prepare
      const open = pages[name];
      if (!open) throw new Error(`no page ${name}`);

      // Act
      const { headers } = await open();

      // Assess: no scripts, no framing
      expect(headers.get('content-security-policy')).toBe(
        "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
      );
    },
  );
});
