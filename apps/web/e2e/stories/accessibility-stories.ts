import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import { demoAdmin, newBuyer, startSignIn, submitPassword } from '../support/identity-provider';
import type { ApiMode } from '../support/modes';
import { buyDialog, petCard } from '../support/pet-cards';
import { buyAsSomeoneElse, createPet, uniquePrice } from '../support/store-api';
import { phone } from './phone-stories';

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now; the violations, by rule and target. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')}`),
  );
}

/** Collects each screen's violations under its name: one assertion names every failing screen. */
function screens(page: Page) {
  const found: Record<string, string[]> = {};
  return {
    check: async (name: string) => {
      found[name] = await violations(page);
    },
    found,
  };
}

const widths = [
  { name: 'a phone (390 px)', viewport: phone },
  { name: 'a desktop (1280 px)', viewport: { width: 1280, height: 800 } },
] as const;

/**
 * axe-core on every screen of the store and of the identity provider, at a phone's and a
 * desktop's width: the buyer's way (sign-in, the provider's pages, the store, the purchase's
 * confirmation, a 409, signing out) and the admin's (a refused password, the store with its sales
 * open, the form's errors, both removal questions).
 *
 * @example
 * accessibilityStories('iam'); // in e2e/iam/accessibility.spec.ts
 */
export function accessibilityStories(mode: ApiMode): void {
  const prefix = mode === 'iam' ? 'IAM mode: ' : '';

  for (const { name, viewport } of widths) {
    test.describe(`on ${name}`, () => {
      test.use({ viewport });

      test(`${prefix}every screen of a buyer's visit has no WCAG 2.1 AA violation axe can find`, async ({
        page,
      }) => {
        // Prepare: a pet to buy, and one someone else buys while it shows for sale
        const pet = await createPet({ type: 'cat', price: uniquePrice() });
        const taken = await createPet({ type: 'cat', price: uniquePrice() });
        const buyer = newBuyer();
        const { check, found } = screens(page);

        // Act: every screen on the way
        await page.goto('/');
        await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
        await check('the sign-in page');
        await startSignIn(page, '/?type=cat');
        await check("the provider's sign-in page");
        await page.getByRole('button', { name: 'Continue with Amazon (demo)' }).click();
        await page.getByRole('button', { name: 'Continue' }).click();
        await expect(page.getByRole('alert')).toBeVisible();
        await check("the provider's social page, with its errors");
        await page.getByLabel('Display name').fill(buyer.name);
        await page.getByRole('textbox', { name: 'Email' }).fill(buyer.email);
        await page.getByRole('button', { name: 'Continue' }).click();
        await expect(petCard(page, pet.price)).toBeVisible();
        await check('the store');
        await petCard(page, pet.price).getByRole('button', { name: /^Buy/ }).click();
        await expect(buyDialog(page, pet.price)).toBeVisible();
        await check("the purchase's confirmation");
        await page.keyboard.press('Escape');
        await buyAsSomeoneElse(taken.id);
        await petCard(page, taken.price).getByRole('button', { name: /^Buy/ }).click();
        await buyDialog(page, taken.price)
          .getByRole('button', { name: /^Buy for/ })
          .click();
        await expect(petCard(page, taken.price).getByRole('alert')).toBeVisible();
        await check('the store after a 409');
        await page.getByRole('button', { name: 'Sign out' }).click();
        await expect(page.getByRole('button', { name: 'Yes, sign me out' })).toBeVisible();
        await check("the provider's sign-out question");

        // Assess
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
      });

      test(`${prefix}every screen of an admin's visit has no WCAG 2.1 AA violation axe can find`, async ({
        page,
      }) => {
        // Prepare: a pet for sale and a sold one, to be asked about removing
        const forSale = await createPet({ type: 'cat', price: uniquePrice() });
        const sold = await createPet({ type: 'cat', price: uniquePrice() });
        await buyAsSomeoneElse(sold.id);
        const { check, found } = screens(page);

        // Act
        await startSignIn(page, '/?type=cat');
        await submitPassword(page, demoAdmin.email, 'not-the-password');
        await expect(page.getByRole('alert')).toBeVisible();
        await check("the provider's sign-in page, refused");
        await submitPassword(page, demoAdmin.email, demoAdmin.password);
        await expect(petCard(page, sold.price)).toBeVisible();
        const sales = page.getByRole('region', { name: 'Sales: Cats' });
        await sales.getByText('Who bought what').click();
        await expect(sales.getByRole('list', { name: 'Sales, the latest first' })).toBeVisible();
        await check('the store, its sales open');
        await page.getByRole('button', { name: 'Add pet' }).click();
        await expect(page.getByText('Choose a type.')).toBeVisible();
        await check("the form's errors");
        await page.getByLabel('Price (US dollars)').fill('-5');
        await page.getByRole('button', { name: 'Add pet' }).click();
        await expect(page.getByText('A price cannot be negative')).toBeVisible();
        await check("the form's negative price");
        await petCard(page, forSale.price)
          .getByRole('button', { name: /^Remove/ })
          .click();
        await expect(page.getByRole('dialog', { name: 'Remove this pet?' })).toBeVisible();
        await check('the removal question');
        await page.keyboard.press('Escape');
        await petCard(page, sold.price)
          .getByRole('button', { name: /^Remove/ })
          .click();
        await expect(page.getByRole('dialog', { name: 'Remove a sold pet?' })).toBeVisible();
        await check("a sold pet's removal question");

        // Assess
        expect(found).toEqual(Object.fromEntries(Object.keys(found).map((key) => [key, []])));
      });
    });
  }
}
