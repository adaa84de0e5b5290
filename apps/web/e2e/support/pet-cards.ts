import { expect, type Locator, type Page } from '@playwright/test';
import { formatPrice } from '../../src/pets/pet-labels';

/** The card of the pet with this (unique) price. */
export function petCard(page: Page, price: number): Locator {
  return page.getByRole('article').filter({ hasText: formatPrice(price) });
}

/**
 * The confirmation Buy opens for the pet with this price.
 *
 * @example
 * await expect(buyDialog(page, pet.price)).toContainText('Buy this dog?');
 */
export function buyDialog(page: Page, price: number): Locator {
  return page
    .getByRole('dialog')
    .filter({ has: page.getByRole('button', { name: `Buy for ${formatPrice(price)}` }) });
}

/**
 * Presses Buy on the pet with this price and confirms the price in the dialog; resolves once the
 * dialog has closed (the purchase answered).
 *
 * @example
 * await buyAndConfirm(page, pet.price);
 */
export async function buyAndConfirm(page: Page, price: number): Promise<void> {
  await petCard(page, price).getByRole('button', { name: /^Buy/ }).click();
  await buyDialog(page, price)
    .getByRole('button', { name: `Buy for ${formatPrice(price)}` })
    .click();
  // Closed once the purchase is answered (while it runs the button says "Buying…").
  await expect(page.getByRole('dialog')).toBeHidden();
}
