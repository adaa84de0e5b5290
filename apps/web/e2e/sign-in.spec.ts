import { expect, test } from '@playwright/test';
import { demoAdmin, signInAsAdmin, startSignIn, submitPassword } from './support/identity-provider';
import { stack } from './support/stack';

test('a wrong password shows an error and starts no session', async ({ page }) => {
  // Prepare
  await startSignIn(page);

  // Act
  await submitPassword(page, demoAdmin.email, 'not-the-password');

  // Assess: the provider says so and keeps the email; the app has no session
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Email' })).toHaveValue(demoAdmin.email);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pets' })).toHaveCount(0);
});

test('after signing out, going back shows the sign-in page, and the provider asks for a password again', async ({
  page,
}) => {
  // Prepare
  await signInAsAdmin(page);

  // Act: sign out in the app, confirm at the provider (its end-session endpoint)
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(new RegExp(`^${stack.issuer}/`));
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();

  // Assess: back in the app, signed out
  await expect(page).toHaveURL(`${stack.webUrl}/`);
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();

  // Act: the browser's Back button
  await page.goBack();

  // Assess: the page before is the app again, and it knows nobody: its sign-in page, no pets
  await expect(page).toHaveURL(new RegExp(`^${stack.webUrl}/`));
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pets' })).toHaveCount(0);

  // Act: sign in again
  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  // Assess: the provider's session ended too: it asks for the password again
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
});
