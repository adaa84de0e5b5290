import type { Locator, Page } from '@playwright/test';
import { formatPrice } from '../../src/pets/pet-labels';

/** The card of the pet with this (unique) price. */
export function petCard(page: Page, price: number): Locator {
  return page.getByRole('article').filter({ hasText: formatPrice(price) });
}
