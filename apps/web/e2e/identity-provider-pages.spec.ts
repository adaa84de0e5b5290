import { expect, type Locator, type Page, test } from '@playwright/test';
import { phone } from './stories/phone-stories';
import { demoAdmin, startSignIn } from './support/identity-provider';

/** What makes the look: the page's background, and a primary button's colour, shape and type. */
async function lookOf(page: Page, primary: Locator) {
  const background = await page.evaluate(
    () => getComputedStyle(document.documentElement).backgroundColor,
  );
  const button = await primary.evaluate((element) => {
    const style = getComputedStyle(element);
    return {
      color: style.color,
      background: style.backgroundColor,
      radius: style.borderTopLeftRadius,
      font: style.fontFamily,
      weight: style.fontWeight,
    };
  });
  return { background, button };
}

test("the provider's pages look like the store's: same background, same primary button, one heading", async ({
  page,
}) => {
  // Prepare
  await page.goto('/');
  const store = await lookOf(page, page.getByRole('button', { name: 'Sign in', exact: true }));

  // Act
  await startSignIn(page);
  const provider = await lookOf(page, page.getByRole('button', { name: 'Sign in', exact: true }));

  // Assess: the same look, and one heading naming the store once (no "to continue to" line)
  expect(provider).toEqual(store);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Pet Store');
  await expect(page.getByText('to continue to')).toHaveCount(0);

  // Act: the social connection's page
  await page.getByRole('button', { name: 'Continue with Amazon (demo)' }).click();

  // Assess
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Amazon (demo)');
  expect(await lookOf(page, page.getByRole('button', { name: 'Continue' }))).toEqual(store);
});

test('the local provider lists its demo accounts; the store itself never does (it may use another provider)', async ({
  page,
}) => {
  // Act
  await page.goto('/');
  const storeText = (await page.locator('body').textContent()) ?? '';
  await startSignIn(page);

  // Assess
  const demo = page.getByRole('region', { name: 'Demo accounts on this local provider' });
  await expect(demo).toContainText(
    `${demoAdmin.name} (admin): ${demoAdmin.email} / ${demoAdmin.password}`,
  );
  await expect(demo).toContainText('A shopper (buyer): Continue with Amazon (demo)');
  expect(storeText).not.toContain(demoAdmin.password);
});

test.describe('at 390 px', () => {
  test.use({ viewport: phone });

  test("the provider's sign-in page fits a phone", async ({ page }) => {
    // Act
    await startSignIn(page);

    // Assess
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeInViewport();
  });
});
