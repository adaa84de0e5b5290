import { expect, type Page } from '@playwright/test';

/** The dev-idp's demo admin (database connection). */
export const demoAdmin = {
  email: 'admin@petstore.local',
  password: 'petstore-admin-demo',
  name: 'Ada Admin',
};

/** A social (buyer) identity of its own for each test, so tests never share a buyer. */
export function newBuyer(first = 'Bea'): { name: string; email: string } {
  const id = crypto.randomUUID().slice(0, 8);
  return { name: `${first} ${id}`, email: `${first.toLowerCase()}.${id}@example.com` };
}

/** Opens the app at `path` and presses its Sign in button: the provider's sign-in page shows. */
export async function startSignIn(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Pet Store' })).toBeVisible();
}

/** Fills the database connection's form on the provider's sign-in page. */
export async function submitPassword(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

/** Waits until the store shows, signed in as `name`. */
export async function expectSignedIn(page: Page, name: string): Promise<void> {
  await expect(page.getByRole('heading', { name: 'Pets', level: 1 })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText(name);
}

/** Signs in as the demo admin with the database connection, starting at `path`. */
export async function signInAsAdmin(page: Page, path = '/'): Promise<void> {
  await startSignIn(page, path);
  await submitPassword(page, demoAdmin.email, demoAdmin.password);
  await expectSignedIn(page, demoAdmin.name);
}

/** Signs in with the social connection ("Continue with Amazon (demo)"), starting at `path`. */
export async function signInAsBuyer(
  page: Page,
  buyer: { name: string; email: string },
  path = '/',
): Promise<void> {
  await startSignIn(page, path);
  await page.getByRole('button', { name: 'Continue with Amazon (demo)' }).click();
  await page.getByLabel('Display name').fill(buyer.name);
  await page.getByRole('textbox', { name: 'Email' }).fill(buyer.email);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectSignedIn(page, buyer.name);
}
