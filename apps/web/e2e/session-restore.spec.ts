import { expect, type Page, type Request, test } from '@playwright/test';
import { newBuyer, signInAsBuyer } from './support/identity-provider';
import { stack } from './support/stack';

/** Every authorization request the page sends to the provider from now on. */
function authorizationRequests(page: Page): URL[] {
  const sent: URL[] = [];
  page.on('request', (request: Request) => {
    const url = new URL(request.url());
    if (`${url.origin}${url.pathname}` === `${stack.issuer}/auth`) sent.push(url);
  });
  return sent;
}

const signInHeading = (page: Page) => page.getByRole('heading', { name: 'Sign in', exact: true });
const signedInFlag = (page: Page) =>
  page.evaluate(() => window.sessionStorage.getItem('petstore.signedIn'));

test('a signed-in buyer reloads the page and is still signed in, on the same page', async ({
  page,
}) => {
  // Prepare
  const buyer = newBuyer();
  await signInAsBuyer(page, buyer, '/?type=dog');
  await expect(page.getByRole('radio', { name: 'Dogs' })).toBeChecked();
  const sent = authorizationRequests(page);

  // Act
  await page.reload();

  // Assess: one silent, top-level sign-in (prompt=none, same audience) and back on the same page
  await expect(page.getByRole('banner')).toContainText(buyer.name);
  await expect(page).toHaveURL(`${stack.webUrl}/?type=dog`);
  await expect(page.getByRole('radio', { name: 'Dogs' })).toBeChecked();
  expect(sent).toHaveLength(1);
  expect(sent[0]?.searchParams.get('prompt')).toBe('none');
  expect(sent[0]?.searchParams.get('resource')).toBe('https://api.petstore.local');
  expect(await signedInFlag(page)).toBe('1');
});

test('after sign-out, a reload shows the sign-in page and no redirect to the provider happens', async ({
  page,
}) => {
  // Prepare: signed in, then signed out at the provider
  await signInAsBuyer(page, newBuyer());
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(signInHeading(page)).toBeVisible();
  const sent = authorizationRequests(page);

  // Act
  await page.reload();

  // Assess
  await expect(signInHeading(page)).toBeVisible();
  await expect(page).toHaveURL(`${stack.webUrl}/`);
  expect(sent).toHaveLength(0);
  expect(await signedInFlag(page)).toBeNull();
});

test('when the provider session has ended, a reload lands on the sign-in page without an error and without a loop', async ({
  page,
  context,
}) => {
  // Prepare: signed in, then the provider forgets the session (its cookies are gone)
  await signInAsBuyer(page, newBuyer(), '/?type=cat');
  await context.clearCookies();
  const sent = authorizationRequests(page);

  // Act
  await page.reload();

  // Assess: one silent try, answered login_required; the sign-in page, no error, same page
  await expect(signInHeading(page)).toBeVisible();
  await expect(page).toHaveURL(`${stack.webUrl}/?type=cat`);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(sent.map((url) => url.searchParams.get('prompt'))).toEqual(['none']);
  expect(await signedInFlag(page)).toBeNull();

  // Act: reload again
  await page.reload();

  // Assess: no second try
  await expect(signInHeading(page)).toBeVisible();
  expect(sent).toHaveLength(1);
});
