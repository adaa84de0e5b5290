import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FormBrowser } from '../../src/flows/form-browser';
import { alertOf, findForm } from '../../src/flows/html-form';
import type { DevIdp } from '../../src/server/start-dev-idp';
import { stopAtCallback } from '../support/authorization-request';
import { asPage, openLoginPage } from '../support/sign-in-page';
import { startTestIdp } from '../support/test-idp';

let idp: DevIdp;

beforeAll(async () => {
  ({ idp } = await startTestIdp());
});
afterAll(() => idp.close());

async function post(browser: FormBrowser, page: { url: string }, action: string, fields: object) {
  const form = new URLSearchParams(fields as Record<string, string>);
  return browser.navigate(new URL(action, page.url), {
    method: 'POST',
    form,
    stopAt: stopAtCallback,
  });
}

describe('the sign-in page', () => {
  it('is an accessible form: one h1, labelled inputs, both connections, no script', async () => {
    // Prepare / Act
    const { page } = await openLoginPage(idp);

    // Assess
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/<html lang="en">/);
    expect(page.body.match(/<h1>/g)).toHaveLength(1);
    for (const id of ['email', 'password']) {
      expect(page.body).toContain(`<label for="${id}">`);
      expect(page.body).toContain(`id="${id}"`);
    }
    expect(page.body).toContain('Continue with Amazon (demo)');
    expect(page.body).not.toMatch(/<script/i);
  });

  it('shows the error, keeps the email and issues no code on a wrong password', async () => {
    // Prepare
    const { browser, page } = await openLoginPage(idp);
    const action = findForm(page.body, 'database-login')?.action ?? '';

    // Act
    const landing = await post(browser, page, action, {
      email: 'admin@petstore.local',
      password: 'not-the-password',
    });

    // Assess
    const refused = asPage(landing);
    expect(refused.status).toBe(401);
    expect(alertOf(refused.body)).toBe('Wrong email or password.');
    expect(refused.body).toContain('value="admin@petstore.local"');
    expect(refused.body).toContain('aria-invalid="true"');
  });

  it('lets the user try again after a wrong password and then redirects with a code', async () => {
    // Prepare
    const { browser, page } = await openLoginPage(idp);
    const action = findForm(page.body, 'database-login')?.action ?? '';
    await post(browser, page, action, { email: 'admin@petstore.local', password: 'wrong' });

    // Act
    const landing = await post(browser, page, action, {
      email: 'admin@petstore.local',
      password: 'petstore-admin-demo',
    });

    // Assess
    expect(landing.kind).toBe('stopped');
    expect(new URL(landing.url).searchParams.get('code')).toBeTruthy();
  });

  it('gives the same answer for an unknown email as for a wrong password', async () => {
    // Prepare
    const { browser, page } = await openLoginPage(idp);
    const action = findForm(page.body, 'database-login')?.action ?? '';

    // Act
    const landing = asPage(
      await post(browser, page, action, { email: 'nobody@petstore.local', password: 'x' }),
    );

    // Assess
    expect(landing.status).toBe(401);
    expect(alertOf(landing.body)).toBe('Wrong email or password.');
  });

  it('sends access_denied to the client when the user cancels', async () => {
    // Prepare
    const { browser, page } = await openLoginPage(idp);
    const action = findForm(page.body, 'cancel')?.action ?? '';

    // Act
    const landing = await post(browser, page, action, {});

    // Assess
    expect(landing.kind).toBe('stopped');
    expect(new URL(landing.url).searchParams.get('error')).toBe('access_denied');
  });

  it('answers a stale or foreign interaction with an explanation, not a stack trace', async () => {
    // Prepare: a browser without the interaction cookie
    const { page } = await openLoginPage(idp);

    // Act
    const landing = asPage(await new FormBrowser().navigate(page.url));

    // Assess
    expect(landing.status).toBe(400);
    expect(landing.body).toContain('Sign-in expired');
  });
});

describe('the simulated Amazon (demo) page', () => {
  it('asks for a display name and email and explains what is wrong, keeping the input', async () => {
    // Prepare
    const { browser, page } = await openLoginPage(idp);
    const social = findForm(page.body, 'social-login');
    const upstream = asPage(await browser.navigate(new URL(social?.action ?? '', page.url)));
    const action = findForm(upstream.body, 'social-profile')?.action ?? '';

    // Act
    const landing = asPage(await post(browser, upstream, action, { name: 'Bea', email: 'nope' }));

    // Assess
    expect(upstream.body).toContain('<label for="name">Display name</label>');
    expect(landing.status).toBe(400);
    expect(alertOf(landing.body)).toContain('Enter an email address');
    expect(landing.body).toContain('value="Bea"');
  });
});
