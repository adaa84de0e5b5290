import { TokenFlowError } from '../errors';
import type { FormBrowser, Landing } from './form-browser';
import { alertOf, describePage, findForm, type HtmlForm } from './html-form';

/** Who signs in, and with which connection. */
export type SignIn =
  | { readonly connection: 'database'; readonly email: string; readonly password: string }
  | { readonly connection: 'social'; readonly name: string; readonly email: string };

async function submit(
  browser: FormBrowser,
  page: { readonly url: string },
  form: HtmlForm,
  values: Record<string, string>,
  stopAt: (url: URL) => boolean,
): Promise<Landing> {
  const target = new URL(form.action, page.url);
  const fields = new URLSearchParams(form.fields);
  for (const [name, value] of Object.entries(values)) fields.set(name, value);
  if (form.method === 'GET') {
    target.search = fields.toString();
    return browser.navigate(target, { stopAt });
  }
  return browser.navigate(target, { method: 'POST', form: fields, stopAt });
}

/**
 * Does what a person would on one dev-idp page: fills and posts the sign-in form of the chosen
 * connection, or allows on the consent page.
 *
 * @throws {TokenFlowError} when the page refuses the sign-in or is not one it knows.
 * @example
 * landing = await nextSignInStep(browser, landing, { connection: 'social', name, email }, stopAt);
 */
export async function nextSignInStep(
  browser: FormBrowser,
  page: Extract<Landing, { kind: 'page' }>,
  signIn: SignIn,
  stopAt: (url: URL) => boolean,
): Promise<Landing> {
  const refusal = alertOf(page.body);
  if (refusal) throw new TokenFlowError(`The dev-idp refused the sign-in: ${refusal}`);
  const consent = findForm(page.body, 'consent');
  if (consent) return submit(browser, page, consent, {}, stopAt);
  if (signIn.connection === 'database') {
    const login = findForm(page.body, 'database-login');
    const { email, password } = signIn;
    if (login) return submit(browser, page, login, { email, password }, stopAt);
  } else {
    const profile = findForm(page.body, 'social-profile');
    if (profile)
      return submit(browser, page, profile, { name: signIn.name, email: signIn.email }, stopAt);
    const social = findForm(page.body, 'social-login');
    if (social) return submit(browser, page, social, {}, stopAt);
  }
  throw new TokenFlowError(
    `Unexpected page from the dev-idp (HTTP ${page.status}): ${describePage(page.body)}`,
  );
}
