import { type Browser, expect, type Locator, type Page, test } from '@playwright/test';
import { newBuyer, signInAsBuyer } from './support/identity-provider';
import { petCard } from './support/pet-cards';
import { createPet, readPet, uniquePrice } from './support/store-api';

interface Shopper {
  readonly name: string;
  readonly page: Page;
  readonly card: Locator;
  close(): Promise<void>;
}

/** A buyer signed in in a browser context of their own, looking at the pet with this price. */
async function shopper(browser: Browser, first: string, price: number): Promise<Shopper> {
  const buyer = newBuyer(first);
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAsBuyer(page, buyer, '/?type=cat');
  const card = petCard(page, price);
  await expect(card).toContainText('For sale');
  return { name: buyer.name, page, card, close: () => context.close() };
}

test('two buyers race for one pet: exactly one wins, the other is told someone else bought it first', async ({
  browser,
}) => {
  // Prepare: one pet, two buyers in two browser contexts, both seeing it for sale
  const pet = await createPet({ type: 'cat', price: uniquePrice() });
  const [bea, bob] = await Promise.all([
    shopper(browser, 'Bea', pet.price),
    shopper(browser, 'Bob', pet.price),
  ]);

  // Act: both press Buy, then both confirm at once
  for (const buyer of [bea, bob]) await buyer.card.getByRole('button', { name: /^Buy/ }).click();
  await Promise.all(
    [bea, bob].map((buyer) =>
      buyer.page
        .getByRole('dialog')
        .getByRole('button', { name: /^Buy for/ })
        .click(),
    ),
  );

  // Both purchases answered (a click resolves once dispatched, not once its request is done):
  // neither page offers Buy any more, the winner's since it is sold, the loser's since it is gone
  for (const buyer of [bea, bob]) {
    await expect(buyer.card.getByRole('button', { name: /^Buy/ })).toHaveCount(0);
  }

  // Assess: the store recorded one of them; the winner's page says so, the loser's that it is gone
  const soldTo = (await readPet(pet.id))?.soldTo?.name;
  expect([bea.name, bob.name]).toContain(soldTo);
  const [winner, loser] = soldTo === bea.name ? [bea, bob] : [bob, bea];
  await expect(winner.card.locator('.pet-status')).toHaveText('Sold to you');
  await expect(loser.card.locator('.pet-status')).toHaveText('Sold');
  await expect(loser.card.getByRole('alert')).toHaveText(
    'Sorry, someone else bought this pet first.',
  );
  await Promise.all([bea.close(), bob.close()]);
});
