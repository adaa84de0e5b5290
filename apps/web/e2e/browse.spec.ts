import { expect, test } from '@playwright/test';
import { newBuyer, signInAsBuyer } from './support/identity-provider';
import { petCard } from './support/pet-cards';
import { stack } from './support/stack';
import { createPet, uniquePrice } from './support/store-api';

test('a buyer filters by type and loads more pets a page at a time', async ({ page }) => {
  // Prepare: more geckos than one page (12) holds
  const prices = Array.from({ length: 13 }, () => uniquePrice());
  for (const price of prices) await createPet({ type: 'gecko', price });
  await signInAsBuyer(page, newBuyer());

  // Act: show geckos only
  await page.getByRole('radio', { name: 'Geckos' }).check();

  // Assess: one page of geckos, newest first, and the address keeps the filter
  const cards = page.getByRole('list', { name: 'Pets' }).getByRole('article');
  await expect(cards).toHaveCount(12);
  await expect(cards.filter({ hasNotText: 'Gecko' })).toHaveCount(0);
  await expect(petCard(page, prices[12] ?? 0)).toBeVisible();
  await expect(page).toHaveURL(/\?type=gecko$/);

  // Act: load more
  await page.getByRole('button', { name: 'Load more pets' }).click();

  // Assess: the next page is appended, focus moves to its first pet
  await expect(petCard(page, prices[0] ?? 0)).toBeVisible();
  expect(await cards.count()).toBeGreaterThan(12);
  await expect(page.locator('.pet-status:focus')).toHaveCount(1);
});

test('when the API cannot be reached the list says so in plain words, and Try again recovers', async ({
  page,
}) => {
  // Prepare
  await signInAsBuyer(page, newBuyer());
  await page.route(`${stack.apiUrl}/**`, (route) => route.abort('internetdisconnected'));

  // Act
  await page.getByRole('radio', { name: 'Dogs' }).check();

  // Assess
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('Could not reach the Pet Store');

  // Act: the network is back
  await page.unroute(`${stack.apiUrl}/**`);
  await alert.getByRole('button', { name: 'Try again' }).click();

  // Assess
  await expect(alert).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Pets' }).getByRole('article').first()).toContainText(
    'Dog',
  );
});

test('the store fits a phone screen', async ({ page }) => {
  // Prepare
  await page.setViewportSize({ width: 360, height: 740 });

  // Act
  await signInAsBuyer(page, newBuyer());
  await expect(page.getByRole('list', { name: 'Pets' }).getByRole('article').first()).toBeVisible();

  // Assess: nothing scrolls sideways; the account panel sits below the list
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - window.innerWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  const list = await page.getByRole('list', { name: 'Pets' }).boundingBox();
  const account = await page.getByRole('complementary', { name: 'Who am I' }).boundingBox();
  expect(account?.y ?? 0).toBeGreaterThan(list?.y ?? Number.POSITIVE_INFINITY);
});
