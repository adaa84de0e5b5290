import { expect, test } from '@playwright/test';
import { newBuyer, signInAsBuyer } from '../support/identity-provider';
import { buyAndConfirm, petCard } from '../support/pet-cards';
import { credentialsOf, signatureOf, signedFetch } from '../support/sigv4';
import { stack } from '../support/stack';
import { createPet, readPet, uniquePrice } from '../support/store-api';

test("IAM mode: a buyer gets buyer-role credentials, buys a pet with a signed request carrying the ID token, sees it recorded as theirs; no admin controls; the buyer's credentials cannot delete", async ({
  page,
}) => {
  // Prepare
  const pet = await createPet({ type: 'dog', price: uniquePrice() });
  const buyer = newBuyer();
  const stsAnswer = page.waitForResponse(
    (response) => response.url().startsWith(stack.stsUrl) && response.request().method() === 'POST',
  );
  await signInAsBuyer(page, buyer, '/?type=dog');
  const credentials = await credentialsOf(await stsAnswer);
  const card = petCard(page, pet.price);
  await expect(card).toContainText('For sale');

  // Assess: a buyer sees no admin controls
  await expect(page.getByRole('complementary', { name: 'Who am I' })).toContainText('Buyer');
  await expect(page.getByRole('complementary', { name: 'Who am I' })).toContainText(buyer.name);
  await expect(page.getByRole('heading', { name: 'Add a pet' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Remove/ })).toHaveCount(0);

  // Act: buy
  const purchase = page.waitForRequest(
    (sent) =>
      sent.method() === 'POST' && sent.url() === `${stack.iamApiUrl}/pets/${pet.id}/purchase`,
  );
  await buyAndConfirm(page, pet.price);
  const sent = await purchase;

  // Assess: signed with the buyer's credentials, the ID token in X-Id-Token and signed too
  const signature = signatureOf(sent);
  expect(signature?.accessKeyId).toBe(credentials.accessKeyId);
  expect(signature?.signedHeaders).toContain('x-id-token');
  expect(sent.headers()['x-id-token']).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);

  // Assess: sold to this buyer, on the page and in the store
  await expect(card.locator('.pet-status')).toHaveText('Sold to you');
  await expect(card.getByRole('button', { name: /^Buy/ })).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'You bought the dog' })).toBeVisible();
  expect((await readPet(pet.id))?.soldTo?.name).toBe(buyer.name);

  // Act: the buyer's own credentials, straight at the IAM API, to remove the pet
  const response = await signedFetch(
    credentials,
    signature?.region ?? '',
    `${stack.iamApiUrl}/pets/${pet.id}`,
    { method: 'DELETE' },
  );

  // Assess: the role's policy refuses it (403), and the pet is still there
  expect(response.status).toBe(403);
  expect(await readPet(pet.id)).toBeDefined();
});
