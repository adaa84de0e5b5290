import { FormBrowser, type Landing } from '../../src/flows/form-browser';
import { findForm } from '../../src/flows/html-form';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { authorizationRequest, stopAtCallback } from './authorization-request';

/** The landing as a page, or a failure saying where the navigation went instead. */
export function asPage(landing: Landing) {
  if (landing.kind !== 'page') throw new Error(`expected a page, landed at ${landing.url}`);
  return landing;
}

/** A new browser on the SPA's sign-in page of `idp`. */
export async function openLoginPage(idp: DevIdp) {
  const browser = new FormBrowser();
  const { url } = await authorizationRequest(idp);
  const page = asPage(await browser.navigate(url, { stopAt: stopAtCallback }));
  return { browser, page };
}

/**
 * Opens a fresh sign-in page and returns the post of its database form, to send when the test
 * chooses: what one guess costs an attacker.
 */
export async function preparePasswordPost(idp: DevIdp) {
  const { browser, page } = await openLoginPage(idp);
  const action = findForm(page.body, 'database-login')?.action ?? '';
  return (email: string, password: string) =>
    browser.navigate(new URL(action, page.url), {
      method: 'POST',
      form: new URLSearchParams({ email, password }),
      stopAt: stopAtCallback,
    });
}

/** Posts the database sign-in form of a fresh sign-in page. */
export async function postPassword(idp: DevIdp, email: string, password: string) {
  return (await preparePasswordPost(idp))(email, password);
}
