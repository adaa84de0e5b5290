import { expect, test } from '@playwright/test';
import { formatPrice } from '../src/pets/pet-labels';
import { signInAsAdmin } from './support/identity-provider';
import { petCard } from './support/pet-cards';
import { uniquePrice } from './support/store-api';

test('an admin adds a pet with the keyboard only', async ({ page }) => {
  // Prepare (signing in uses the provider's pages; from here on, only the keyboard)
  const price = uniquePrice();
  await signInAsAdmin(page, '/?type=bird');
  const typeField = page.getByLabel('Type');
  const priceField = page.getByLabel('Price (US dollars)');
  // The form is the admin's, loaded on demand: there before the first Tab
  await expect(typeField).toBeVisible();

  // Act: Tab to the type, pick Bird by typing its name, Tab to the price, type a wrong one
  for (
    let tab = 0;
    tab < 30 && !(await typeField.evaluate((field) => field === document.activeElement));
    tab++
  ) {
    await page.keyboard.press('Tab');
  }
  await expect(typeField).toBeFocused();
  await page.keyboard.type('Bird');
  await expect(typeField).toHaveValue('bird');
  await page.keyboard.press('Tab');
  await expect(priceField).toBeFocused();
  await page.keyboard.type('12.345');
  await page.keyboard.press('Enter');

  // Assess: refused before sending, said next to the field, focus kept there
  await expect(page.getByText('Use at most two decimals')).toBeVisible();
  await expect(priceField).toHaveAttribute('aria-invalid', 'true');
  await expect(priceField).toBeFocused();

  // Act: fix it and submit with Enter
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(String(price));
  await page.keyboard.press('Enter');

  // Assess: added, announced, and focus back on the type for the next pet
  await expect(petCard(page, price)).toContainText('For sale');
  await expect(
    page.getByRole('status').filter({ hasText: `Added the bird for ${formatPrice(price)}` }),
  ).toBeVisible();
  await expect(typeField).toBeFocused();
  await expect(priceField).toHaveValue('');
});
