import { expect, type Request, test } from '@playwright/test';
import { signInAsAdmin } from '../support/identity-provider';
import { petCard } from '../support/pet-cards';
import { signatureOf } from '../support/sigv4';
import { stack } from '../support/stack';
import { uniquePrice } from '../support/store-api';

const isAssumeRole = (request: Request) =>
  request.url().startsWith(stack.stsUrl) && request.method() === 'POST';
const isRefresh = (request: Request) =>
  request.url() === `${stack.issuer}/token` &&
  (request.postData() ?? '').includes('grant_type=refresh_token');

/** `iat` of the ID token an STS exchange sent. */
function issuedAt(exchange: Request | undefined): number {
  const token = new URLSearchParams(exchange?.postData() ?? '').get('WebIdentityToken') ?? '';
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  return (payload as { iat: number }).iat;
}

test('IAM mode: after the tokens are renewed with the refresh token, the new ID token is exchanged for new credentials, and the page carries on', async ({
  page,
}) => {
  // Prepare: the page's clock is ours to move; sign in, note the first credentials
  await page.clock.install();
  const exchanges: Request[] = [];
  page.on('request', (request) => {
    if (isAssumeRole(request)) exchanges.push(request);
  });
  const firstCall = page.waitForRequest((request) => request.url() === `${stack.iamApiUrl}/me`);
  await signInAsAdmin(page, '/?type=bird');
  const firstKey = signatureOf(await firstCall)?.accessKeyId;
  const price = uniquePrice();
  await page.getByLabel('Type').selectOption('bird');
  await page.getByLabel('Price (US dollars)').fill(String(price));

  // The provider stamps tokens to the second (iat, exp): a renewal within the same second of the
  // sign-in would return the very same ID token, rightly exchanged for nothing new. Wait that out.
  const signedInAt = issuedAt(exchanges[0]);
  await expect.poll(() => Math.floor(Date.now() / 1000)).toBeGreaterThan(signedInAt);

  // Act: eleven minutes pass (the tokens live ten), then the clock is set back to the servers'
  // time (a signature dated eleven minutes ahead would rightly be refused)
  const renewal = page.waitForResponse((response) => isRefresh(response.request()));
  await page.clock.fastForward('11:00');
  expect((await renewal).status()).toBe(200);
  await page.clock.setSystemTime(Date.now());
  const create = page.waitForRequest(
    (request) => request.method() === 'POST' && request.url() === `${stack.iamApiUrl}/pets`,
  );
  await page.getByRole('button', { name: 'Add pet' }).click();

  // Assess: a second exchange, with the renewed ID token; the call signed with the new key worked
  const renewedKey = signatureOf(await create)?.accessKeyId;
  await expect(petCard(page, price)).toContainText('For sale');
  expect(exchanges).toHaveLength(2);
  const tokenOf = (request: Request | undefined) =>
    new URLSearchParams(request?.postData() ?? '').get('WebIdentityToken');
  expect(tokenOf(exchanges[1])).not.toBe(tokenOf(exchanges[0]));
  expect(renewedKey).toMatch(/^ASIA/);
  expect(renewedKey).not.toBe(firstKey);
  await expect(page.getByLabel('Price (US dollars)')).toHaveValue('');
});
