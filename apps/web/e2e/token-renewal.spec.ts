import { expect, type Request, test } from '@playwright/test';
import { signInAsAdmin } from './support/identity-provider';
import { petCard } from './support/pet-cards';
import { stack } from './support/stack';
import { uniquePrice } from './support/store-api';

const bearerOf = (request: Request) => request.headers().authorization;
const isTokenRequest = (grant: string) => (request: Request) =>
  request.url() === `${stack.issuer}/token` &&
  (request.postData() ?? '').includes(`grant_type=${grant}`);

test('an expired access token is renewed with the refresh token, without losing the page', async ({
  page,
}) => {
  // Prepare: the page's clock is ours to move; sign in and start typing a new pet
  await page.clock.install();
  const firstCall = page.waitForRequest((request) => request.url() === `${stack.apiUrl}/me`);
  await signInAsAdmin(page, '/?type=bird');
  const firstToken = bearerOf(await firstCall);
  const price = uniquePrice();
  await page.getByLabel('Type').selectOption('bird');
  await page.getByLabel('Price (US dollars)').fill(String(price));

  // Act: eleven minutes pass (the access token lives ten)
  const renewal = page.waitForResponse((response) =>
    isTokenRequest('refresh_token')(response.request()),
  );
  await page.clock.fastForward('11:00');

  // Assess: renewed with the refresh token; the page and what was typed are still there
  expect((await renewal).status()).toBe(200);
  await expect(page.getByLabel('Price (US dollars)')).toHaveValue(String(price));
  await expect(page.getByRole('radio', { name: 'Birds' })).toBeChecked();

  // Act: carry on
  const create = page.waitForRequest(
    (request) => request.method() === 'POST' && request.url() === `${stack.apiUrl}/pets`,
  );
  await page.getByRole('button', { name: 'Add pet' }).click();

  // Assess: the API call went out with the new token and worked
  const renewedToken = bearerOf(await create);
  expect(renewedToken).toMatch(/^Bearer /);
  expect(renewedToken).not.toBe(firstToken);
  await expect(petCard(page, price)).toContainText('For sale');
});
