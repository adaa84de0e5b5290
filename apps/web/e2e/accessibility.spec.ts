import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { newBuyer, signInAsAdmin, signInAsBuyer } from './support/identity-provider';

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now; the violations, by rule and target. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  );
}

test('the sign-in page and the buyer screen have no WCAG 2.1 AA violations axe can find', async ({
  page,
}) => {
  // Act
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
  const signIn = await violations(page);
  await signInAsBuyer(page, newBuyer());
  await expect(page.getByRole('list', { name: 'Pets' })).toBeVisible();
  const store = await violations(page);

  // Assess
  expect(signIn).toEqual([]);
  expect(store).toEqual([]);
});

test("the admin screen, its form's errors and the removal dialog have no WCAG 2.1 AA violations axe can find", async ({
  page,
}) => {
  // Prepare
  await signInAsAdmin(page);
  await expect(page.getByRole('list', { name: 'Pets' })).toBeVisible();

  // Act
  await page.getByRole('button', { name: 'Add pet' }).click();
  await expect(page.getByText('Choose a type.')).toBeVisible();
  const form = await violations(page);
  await page
    .getByRole('button', { name: /^Remove/ })
    .first()
    .click();
  await expect(page.getByRole('dialog')).toBeVisible();
  const dialog = await violations(page);

  // Assess
  expect(form).toEqual([]);
  expect(dialog).toEqual([]);
});
