import { expect, test } from '@playwright/test';
import { signInAsAdmin } from './support/identity-provider';
import { petCard } from './support/pet-cards';
import { uniquePrice } from './support/store-api';

test('an admin signs in with the database connection, adds a pet, sees it, and removes it', async ({
  page,
}) => {
  // Prepare
  const price = uniquePrice();
  await signInAsAdmin(page, '/?type=fish');
  await expect(page.getByRole('complementary', { name: 'Who am I' })).toContainText('Admin');

  // Act: add
  await page.getByLabel('Type').selectOption('fish');
  await page.getByLabel('Price (US dollars)').fill(String(price));
  await page.getByRole('button', { name: 'Add pet' }).click();

  // Assess: it is listed, for sale, with the admin's Remove
  const card = petCard(page, price);
  await expect(card).toContainText('Fish');
  await expect(card).toContainText('For sale');
  await expect(page.getByRole('status').filter({ hasText: 'Added the fish' })).toBeVisible();
  await expect(card.getByRole('button', { name: /^Buy/ })).toHaveCount(0);

  // Act: remove, through the confirmation dialog
  await card.getByRole('button', { name: /^Remove/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove this pet?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove' }).click();

  // Assess: gone from the list and the dialog closed; after a reload it is still gone
  await expect(dialog).toBeHidden();
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Removed the fish' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Pets', level: 1 })).toBeFocused();
  await page.getByRole('radio', { name: 'Fish' }).check();
  await expect(page.getByRole('heading', { name: 'Pets', level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading pets' })).toBeHidden();
  await expect(card).toHaveCount(0);
});

test('an admin can cancel a removal, and the pet stays', async ({ page }) => {
  // Prepare
  const price = uniquePrice();
  await signInAsAdmin(page, '/?type=fish');
  await page.getByLabel('Type').selectOption('fish');
  await page.getByLabel('Price (US dollars)').fill(String(price));
  await page.getByRole('button', { name: 'Add pet' }).click();
  const card = petCard(page, price);
  const remove = card.getByRole('button', { name: /^Remove/ });

  // Act
  await remove.click();
  await page.keyboard.press('Escape');

  // Assess: the dialog closed, the pet is still there and focus is back on its Remove button
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(card).toContainText('For sale');
  await expect(remove).toBeFocused();
});
