import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormBrowser } from '../../src/flows/form-browser';
import { getTokens, refreshTokens } from '../../src/flows/get-access-token';
import { findForm } from '../../src/flows/html-form';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { authorizationRequest, stopAtCallback } from '../support/authorization-request';
import { startTestIdp } from '../support/test-idp';

let idp: DevIdp;
let verifyAccessToken: Awaited<ReturnType<typeof startTestIdp>>['verifyAccessToken'];

beforeAll(async () => {
  // No auto-consent: the consent page shows, as for a third-party client
  ({ idp, verifyAccessToken } = await startTestIdp({ autoConsentClients: [] }));
});
afterAll(() => idp.close());

describe('the consent page', () => {
  it('lists what the role refuses, and the token carries only what the rule gives', async () => {
    // Prepare: a social user whose client asks for admin scopes
    const browser = new FormBrowser();
    const { url } = await authorizationRequest(idp, {
      scope: 'openid profile read:pets create:pets delete:pets',
    });
    let page = await browser.navigate(url, { stopAt: stopAtCallback });
    const social = findForm(page.kind === 'page' ? page.body : '', 'social-login');
    page = await browser.navigate(new URL(social?.action ?? '', url));
    const profile = findForm(page.kind === 'page' ? page.body : '', 'social-profile');

    // Act
    const consent = await browser.navigate(new URL(profile?.action ?? '', url), {
      method: 'POST',
      form: new URLSearchParams({ name: 'Cy', email: 'cy@example.com' }),
      stopAt: stopAtCallback,
    });

    // Assess
    if (consent.kind !== 'page') throw new Error('expected the consent page');
    expect(consent.body).toContain('Allow Pet Store?');
    expect(consent.body).toMatch(/Not granted[\s\S]*create:pets[\s\S]*delete:pets/);
    expect(consent.body).toContain('<code>read:pets</code>');
  });

  it('records a grant limited by the rule when the user allows', async () => {
    // Prepare / Act: the token helper allows on the consent page
    const tokens = await getTokens(idp.issuer, 'buyer', {
      scope: 'openid profile create:pets purchase:pets',
    });

    // Assess
    const { payload } = await verifyAccessToken(tokens.accessToken);
    expect(payload.scope).toBe('purchase:pets');
    expect(payload.permissions).toEqual(['read:pets', 'purchase:pets']);
  });
});

describe('sign-out (end_session)', () => {
  it('ends the session and returns to the post-logout URI; the next sign-in asks again', async () => {
    // Prepare: signed in, with the session cookie in this browser
    const browser = new FormBrowser();
    const { idToken, refreshToken } = await getTokens(idp.issuer, 'admin', { browser });
    const endSession = new URL(`${idp.issuer}/session/end`);
    endSession.search = new URLSearchParams({
      id_token_hint: idToken ?? '',
      post_logout_redirect_uri: 'http://127.0.0.1:5173/',
    }).toString();
    const stopAtSpa = (url: URL) => url.origin === 'http://127.0.0.1:5173';

    // Act
    const confirm = await browser.navigate(endSession, { stopAt: stopAtSpa });
    const form = findForm(confirm.kind === 'page' ? confirm.body : '', 'op.logoutForm');
    const fields = new URLSearchParams(form?.fields);
    fields.set('logout', 'yes');
    const done = await browser.navigate(new URL(form?.action ?? '', endSession), {
      method: 'POST',
      form: fields,
      stopAt: stopAtSpa,
    });
    const { url } = await authorizationRequest(idp);
    const again = await browser.navigate(url, { stopAt: stopAtCallback });
    const refreshed = await refreshTokens(idp.issuer, refreshToken ?? '').catch((e) => e);

    // Assess
    expect(done).toEqual({ kind: 'stopped', url: 'http://127.0.0.1:5173/' });
    expect(again.kind === 'page' && findForm(again.body, 'database-login')).toBeTruthy();
    expect(refreshed).toMatchObject({ error: 'invalid_grant' });
  });

  it('keeps the user signed in (single sign-on) while the session lasts', async () => {
    // Prepare
    const browser = new FormBrowser();
    await getTokens(idp.issuer, 'admin', { browser });
    const { url } = await authorizationRequest(idp);

    // Act
    const landing = await browser.navigate(url, { stopAt: stopAtCallback });

    // Assess: straight back with a code, no page (consent was recorded for these scopes)
    expect(landing.kind).toBe('stopped');
    expect(new URL(landing.url).searchParams.get('code')).toBeTruthy();
  });
});
