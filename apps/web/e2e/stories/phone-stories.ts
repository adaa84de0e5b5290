import { expect, type Page, test } from '@playwright/test';
import { demoAdmin, newBuyer, signInAsAdmin, signInAsBuyer } from '../support/identity-provider';
import type { ApiMode } from '../support/modes';
import { buyDialog, petCard } from '../support/pet-cards';
import { buyAsSomeoneElse, createPet, uniquePrice } from '../support/store-api';

/** The phone the layout is made for first. */
export const phone = { width: 390, height: 844 };

/** How far the page scrolls sideways (0: not at all). */
const sidewaysScroll = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** The banner holds one row: the brand, the name and Sign out side by side, none cut off. */
async function expectHeaderOnOneRow(page: Page, name: string): Promise<void> {
  const banner = page.getByRole('banner');
  const parts = [
    banner.locator('.brand'),
    banner.getByText(name, { exact: true }),
    banner.getByRole('button', { name: 'Sign out' }),
  ];
  const boxes = await Promise.all(parts.map((part) => part.boundingBox()));
  const middles = boxes.map((box) => (box ? box.y + box.height / 2 : Number.NaN));
  for (const middle of middles) expect(Math.abs(middle - (middles[0] ?? 0))).toBeLessThan(4);
  expect((await banner.boundingBox())?.height ?? 0).toBeLessThan(64);
  const nameFits = await banner
    .getByText(name, { exact: true })
    .evaluate((element) => element.scrollWidth <= element.clientWidth);
  expect(nameFits).toBe(true);
}

/** The lines a block of text takes, from its height and its line height. */
const linesOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((element) => {
    const lineHeight = Number.parseFloat(getComputedStyle(element).lineHeight);
    return Math.round(element.getBoundingClientRect().height / lineHeight);
  });

/**
 * The phone-width stories of issue 13 (390 px), the same in both modes.
 *
 * @example
 * phoneStories('token'); // in e2e/phone.spec.ts
 */
export function phoneStories(mode: ApiMode): void {
  const prefix = mode === 'iam' ? 'IAM mode: ' : '';

  test.describe('at 390 px', () => {
    test.use({ viewport: phone });

    test(`${prefix}a buyer's header stays on one row, the confirmation fits, and a 409 message takes two lines at most`, async ({
      page,
    }) => {
      // Prepare: a pet someone else buys while the page shows it for sale
      const pet = await createPet({ type: 'dog', price: uniquePrice() });
      const buyer = { ...newBuyer(), name: `Bea ${crypto.randomUUID().slice(0, 4)}` };
      await signInAsBuyer(page, buyer, '/?type=dog');
      await expectHeaderOnOneRow(page, buyer.name);
      await buyAsSomeoneElse(pet.id);

      // Act
      await petCard(page, pet.price).getByRole('button', { name: /^Buy/ }).click();
      const dialog = buyDialog(page, pet.price);
      const box = await dialog.boundingBox();
      await dialog.getByRole('button', { name: /^Buy for/ }).click();

      // Assess: the dialog was within the screen; the message is short and fits its card
      expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? Number.POSITIVE_INFINITY)).toBeLessThanOrEqual(
        phone.width,
      );
      const alert = petCard(page, pet.price).getByRole('alert');
      await expect(alert).toHaveText('Sorry, someone else bought this pet first.');
      expect(await linesOf(page, '.pet-card .inline-error p')).toBeLessThanOrEqual(2);
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    });

    test(`${prefix}an admin reaches the role panel and the sales in one tap, without scrolling past the pets`, async ({
      page,
    }) => {
      // Prepare
      await signInAsAdmin(page);
      await expect(
        page.getByRole('list', { name: 'Pets' }).getByRole('article').first(),
      ).toBeVisible();
      await expectHeaderOnOneRow(page, demoAdmin.name);
      const jumps = page.getByRole('navigation', { name: 'On this page' });
      await expect(jumps).toBeInViewport();
      const account = page.getByRole('complementary', { name: 'Who am I' });
      await expect(account).not.toBeInViewport();

      // Act
      await jumps.getByRole('link', { name: 'Your account' }).click();

      // Assess: the panel is on screen, with the role
      await expect(account).toBeInViewport();
      await expect(account).toContainText('Admin');

      // Act
      await page.evaluate(() => window.scrollTo(0, 0));
      await jumps.getByRole('link', { name: 'Sales' }).click();

      // Assess
      await expect(page.getByRole('region', { name: /^Sales/ })).toBeInViewport();
      expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    });
  });
}
