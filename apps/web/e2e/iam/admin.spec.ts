import { expect, type Request, test } from '@playwright/test';
import { signInAsAdmin } from '../support/identity-provider';
import { petCard } from '../support/pet-cards';
import { signatureOf } from '../support/sigv4';
import { stack } from '../support/stack';
import { uniquePrice } from '../support/store-api';

const isAssumeRole = (request: Request) =>
  request.url().startsWith(stack.stsUrl) &&
  request.method() === 'POST' &&
  (request.postData() ?? '').includes('Action=AssumeRoleWithWebIdentity');

test('IAM mode: an admin gets admin-role credentials from STS, and adds and removes a pet with signed requests', async ({
  page,
}) => {
  // Prepare: watch the credential exchange and the first API call
  const assumeRole = page.waitForRequest(isAssumeRole);
  const me = page.waitForRequest((request) => request.url() === `${stack.iamApiUrl}/me`);
  const price = uniquePrice();

  // Act: sign in
  await signInAsAdmin(page, '/?type=fish');

  // Assess: the ID token was exchanged for the admin role, and the API call is SigV4-signed
  const exchange = new URLSearchParams((await assumeRole).postData() ?? '');
  expect(exchange.get('RoleArn')).toMatch(/^arn:aws:iam::\d{12}:role\/.*AdminRole/);
  expect(exchange.get('WebIdentityToken')).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  const signature = signatureOf(await me);
  expect(signature?.service).toBe('execute-api');
  expect(signature?.accessKeyId).toMatch(/^ASIA/);
  expect(signature?.signedHeaders).toEqual(
    expect.arrayContaining(['host', 'x-amz-date', 'x-amz-security-token']),
  );
  await expect(page.getByRole('complementary', { name: 'Who am I' })).toContainText('Admin');

  // Act: add
  const create = page.waitForRequest(
    (request) => request.method() === 'POST' && request.url() === `${stack.iamApiUrl}/pets`,
  );
  await page.getByLabel('Type').selectOption('fish');
  await page.getByLabel('Price (US dollars)').fill(String(price));
  await page.getByRole('button', { name: 'Add pet' }).click();

  // Assess: signed, listed, for sale, with the admin's Remove and no Buy
  expect(signatureOf(await create)).toBeDefined();
  const card = petCard(page, price);
  await expect(card).toContainText('For sale');
  await expect(page.getByRole('status').filter({ hasText: 'Added the fish' })).toBeVisible();
  await expect(card.getByRole('button', { name: /^Buy/ })).toHaveCount(0);

  // Act: remove, through the confirmation dialog
  await card.getByRole('button', { name: /^Remove/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove this pet?' });
  await dialog.getByRole('button', { name: 'Remove' }).click();

  // Assess: gone, also after loading the list again
  await expect(dialog).toBeHidden();
  await expect(card).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Removed the fish' })).toBeVisible();
  await page.getByRole('radio', { name: 'Fish' }).check();
  await expect(page.getByRole('status').filter({ hasText: 'Loading pets' })).toBeHidden();
  await expect(card).toHaveCount(0);
});
