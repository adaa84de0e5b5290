import { petTypeValues } from '@petstore/api-contract/types';
import { expect, type Locator, type Page, type Request, test } from '@playwright/test';
import { formatPrice, petNumber, petTypeLabels } from '../../src/pets/pet-labels';
import { demoAdmin, newBuyer, signInAsAdmin, signInAsBuyer } from '../support/identity-provider';
import { type ApiMode, apiUrlOf } from '../support/modes';
import { buyAndConfirm, buyDialog, petCard } from '../support/pet-cards';
import { buyAsSomeoneElse, createPet, readPet, uniquePrice } from '../support/store-api';

/** The purchase requests the page sends from now on. */
function purchasesSent(page: Page, mode: ApiMode): Request[] {
  const sent: Request[] = [];
  page.on('request', (request) => {
    if (request.method() === 'POST' && request.url().startsWith(`${apiUrlOf(mode)}/pets/`))
      sent.push(request);
  });
  return sent;
}

/** The picture of a card: where it comes from, its text alternative, whether it has loaded. */
function pictureOf(card: Locator) {
  return card.locator('img').evaluate((image: HTMLImageElement) => ({
    src: image.currentSrc,
    alt: image.alt,
    loaded: image.complete && image.naturalWidth > 0,
  }));
}

/**
 * The shopper's stories of issue 13, the same in both modes: what tells pets apart, buying with a
 * confirmation, "Sold" and "Sold to you", the state after a 409, plain words instead of scope
 * codes, a negative price. `mode` is the suite's (token: `e2e/`, IAM: `e2e/iam/`).
 *
 * @example
 * shopStories('iam'); // in e2e/iam/shop.spec.ts
 */
export function shopStories(mode: ApiMode): void {
  const prefix = mode === 'iam' ? 'IAM mode: ' : '';

  test(`${prefix}each pet type has its own picture, shipped with the app; two dogs are told apart by price, listed date and id`, async ({
    page,
  }) => {
    // Prepare: a pet of every type (so every filter has one), and a second dog
    for (const type of petTypeValues) await createPet({ type, price: uniquePrice() });
    const dog = await createPet({ type: 'dog', price: uniquePrice() });
    const otherDog = await createPet({ type: 'dog', price: uniquePrice() });
    await signInAsBuyer(page, newBuyer(), '/?type=dog');

    // Assess: the two dogs show the same picture and differ in what is written
    for (const pet of [dog, otherDog]) {
      const card = petCard(page, pet.price);
      await expect(card.getByRole('heading', { name: 'Dog' })).toBeVisible();
      await expect(card.getByText(petNumber(pet.id), { exact: true })).toBeVisible();
      await expect(card.locator('time')).toHaveAttribute('datetime', pet.createdAt);
      await expect(card).toContainText('Listed ');
      await expect.poll(async () => (await pictureOf(card)).loaded).toBe(true);
    }
    expect(petNumber(dog.id)).not.toBe(petNumber(otherDog.id));
    const dogPicture = await pictureOf(petCard(page, dog.price));
    expect((await pictureOf(petCard(page, otherDog.price))).src).toBe(dogPicture.src);
    expect(dogPicture.alt).toBe('');

    // Assess: each type's picture (its list's first card: other stories add pets meanwhile) is
    // an SVG from the app's own origin, a different one per type
    const pictures = new Set<string>();
    for (const type of petTypeValues) {
      await page.getByRole('radio', { name: petTypeLabels[type].many }).check();
      const first = page.getByRole('list', { name: 'Pets' }).getByRole('article').first();
      await expect(first.getByRole('heading', { name: petTypeLabels[type].one })).toBeVisible();
      await expect.poll(async () => (await pictureOf(first)).loaded).toBe(true);
      const { src } = await pictureOf(first);
      expect(new URL(src).origin).toBe(new URL(page.url()).origin);
      expect(new URL(src).pathname).toMatch(new RegExp(`/${type}[^/]*\\.svg$`));
      pictures.add(src);
    }
    expect(pictures.size).toBe(petTypeValues.length);
  });

  test(`${prefix}buying asks first, naming the price; Cancel buys nothing; the buyer then sees "Sold to you", never their own name`, async ({
    page,
  }) => {
    // Prepare
    const pet = await createPet({ type: 'dog', price: uniquePrice() });
    const buyer = newBuyer();
    await signInAsBuyer(page, buyer, '/?type=dog');
    const sent = purchasesSent(page, mode);
    const card = petCard(page, pet.price);
    const buy = card.getByRole('button', { name: /^Buy/ });

    // Act: Buy, then Cancel
    await buy.click();
    const dialog = page.getByRole('dialog', { name: 'Buy this dog?' });
    await expect(dialog).toContainText(`The dog for ${formatPrice(pet.price)}`);
    await expect(dialog).toContainText(petNumber(pet.id));
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // Assess: nothing was bought, focus is back on Buy
    await expect(dialog).toBeHidden();
    await expect(buy).toBeFocused();
    await expect(card).toContainText('For sale');
    expect(sent).toHaveLength(0);

    // Act: Buy, and confirm the price
    await buyAndConfirm(page, pet.price);

    // Assess: one purchase; "Sold to you", not the buyer's name
    await expect(card).toContainText('Sold to you');
    await expect(card).not.toContainText(buyer.name);
    await expect(page.getByRole('status').filter({ hasText: 'You bought the dog' })).toBeVisible();
    expect(sent).toHaveLength(1);
    expect((await readPet(pet.id))?.soldTo?.name).toBe(buyer.name);

    // Act: load the list again
    await page.reload();
    await expect(card).toBeVisible();

    // Assess: token mode: the API tells the buyer it is theirs. IAM mode: a buyer-role session is
    // tied to no user, so the API shows them no buyer of any pet (apps/api viewer.ts) and the
    // page can only say "Sold".
    await expect(card.locator('.pet-status')).toHaveText(mode === 'iam' ? 'Sold' : 'Sold to you');
  });

  test(`${prefix}a buyer sees "Sold" for someone else's purchase, with no name, and the account panel in plain words with no scope codes`, async ({
    page,
  }) => {
    // Prepare: someone else (the dev-idp's demo buyer) bought this cat
    const pet = await createPet({ type: 'cat', price: uniquePrice() });
    await buyAsSomeoneElse(pet.id);
    const otherBuyer = (await readPet(pet.id))?.soldTo?.name ?? '';
    expect(otherBuyer).not.toBe('');

    // Act
    await signInAsBuyer(page, newBuyer(), '/?type=cat');

    // Assess
    const card = petCard(page, pet.price);
    await expect(card.locator('.pet-status')).toHaveText('Sold');
    await expect(card).not.toContainText(otherBuyer);
    await expect(card.getByRole('button', { name: /^Buy/ })).toHaveCount(0);
    const account = page.getByRole('complementary', { name: 'Who am I' });
    await expect(account).toContainText('See the pets in the store');
    await expect(account).toContainText('Buy pets');
    await expect(page.locator('body')).not.toContainText(/\b(read|create|delete|purchase):pets\b/);
  });

  test(`${prefix}after someone else bought a pet first, the 409 says so on its card and the earlier "You bought" message is gone`, async ({
    page,
  }) => {
    // Prepare: the buyer has just bought one fish; someone else buys the other meanwhile
    const first = await createPet({ type: 'fish', price: uniquePrice() });
    const second = await createPet({ type: 'fish', price: uniquePrice() });
    await signInAsBuyer(page, newBuyer(), '/?type=fish');
    await buyAndConfirm(page, first.price);
    const bought = page.getByRole('status').filter({ hasText: 'You bought the fish' });
    await expect(bought).toBeVisible();
    await buyAsSomeoneElse(second.id);

    // Act
    await petCard(page, second.price).getByRole('button', { name: /^Buy/ }).click();
    await buyDialog(page, second.price)
      .getByRole('button', { name: /^Buy for/ })
      .click();

    // Assess: the error on that card, no success message above it
    const card = petCard(page, second.price);
    await expect(card.getByRole('alert')).toHaveText('Sorry, someone else bought this pet first.');
    await expect(card.locator('.pet-status')).toHaveText('Sold');
    await expect(bought).toHaveCount(0);
    await expect(page.locator('.notice')).toHaveText('');
  });

  test(`${prefix}a negative price is refused with its own message, and nothing is sent`, async ({
    page,
  }) => {
    // Prepare
    await signInAsAdmin(page, '/?type=bird');
    const sent: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url() === `${apiUrlOf(mode)}/pets`)
        sent.push(request);
    });

    // Act
    await page.getByLabel('Type').selectOption('bird');
    await page.getByLabel('Price (US dollars)').fill('-249.99');
    await page.getByRole('button', { name: 'Add pet' }).click();

    // Assess
    await expect(page.getByText('A price cannot be negative: enter at least $0.01.')).toBeVisible();
    await expect(page.getByText('Enter the price as a number')).toHaveCount(0);
    await expect(page.getByLabel('Price (US dollars)')).toBeFocused();
    await expect(page.getByRole('banner')).toContainText(demoAdmin.name);
    expect(sent).toHaveLength(0);
  });
}
