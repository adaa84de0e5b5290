import { expect, test } from '@playwright/test';
import { newBuyer, signInAsBuyer } from './support/identity-provider';
import { buyAndConfirm, petCard } from './support/pet-cards';
import { stack } from './support/stack';
import { createPet, readPet, uniquePrice } from './support/store-api';

test('a buyer signs in with the social connection, buys a pet and confirms the price, sees it sold to them; no admin controls; the API refuses them a delete', async ({
  page,
  request,
}) => {
  // Prepare
  const pet = await createPet({ type: 'dog', price: uniquePrice() });
  const buyer = newBuyer();
  await signInAsBuyer(page, buyer, '/?type=dog');
  const card = petCard(page, pet.price);
  await expect(card).toContainText('For sale');

  // Assess: a buyer sees no admin controls
  await expect(page.getByRole('heading', { name: 'Add a pet' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);
  await expect(page.getByRole('complementary', { name: 'Who am I' })).toContainText('Buyer');

  // Act: buy (and keep the bearer token the page sends)
  const purchase = page.waitForRequest(
    (sent) => sent.method() === 'POST' && sent.url() === `${stack.apiUrl}/pets/${pet.id}/purchase`,
  );
  await buyAndConfirm(page, pet.price);
  const authorization = (await purchase).headers().authorization;

  // Assess: sold to this buyer, on the page and in the store
  await expect(card.locator('.pet-status')).toHaveText('Sold to you');
  await expect(card.getByRole('button', { name: /^Buy/ })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'You bought the dog' })).toBeVisible();
  expect((await readPet(pet.id))?.soldTo?.name).toBe(buyer.name);

  // Act: the same buyer's token, straight at the API, to remove the pet
  expect(authorization).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
  const response = await request.delete(`${stack.apiUrl}/pets/${pet.id}`, {
    headers: { authorization: authorization ?? '' },
  });

  // Assess: the server decides: 403, and the pet is still there
  expect(response.status()).toBe(403);
  expect(await readPet(pet.id)).toBeDefined();
});
