/**
 * Screenshots of the store from the real stack, desktop and phone, buyer and admin: the ones in
 * the READMEs (`apps/web/docs/`). Needs the stack on the end-to-end ports, started fresh (the
 * script adds its own pets and buys some):
 *   API_PORT=3100 IAM_API_PORT=3101 DEV_IDP_PORT=9100 STS_PORT=9101 WEB_PORT=5273 DYNAMODB_PORT=8100 pnpm start --memory
 *   pnpm --filter @petstore/web screenshots [folder]      (default: test-results/screenshots)
 * Other ports: the suite's E2E_<VARIABLE> overrides (e2e/support/stack.ts).
 */
import { mkdirSync } from 'node:fs';
import { readCommandLine } from '@petstore/command-line';
import { type Browser, chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/support/chromium';
import { demoAdmin, newBuyer } from '../e2e/support/identity-provider';
import { stack } from '../e2e/support/stack';
import { buyAsSomeoneElse, createPet } from '../e2e/support/store-api';
import { formatPrice } from '../src/pets/pet-labels';

const {
  positionals: [folder = 'test-results/screenshots'],
} = readCommandLine({
  usage: 'pnpm --filter @petstore/web screenshots [folder]',
  details: '  folder   where the PNG files go (default: test-results/screenshots)',
  options: {},
  positionals: [{ name: 'folder', optional: true }],
});
mkdirSync(folder, { recursive: true });

const desktop = { width: 1280, height: 900 };
const phone = { width: 390, height: 844 };

async function signIn(page: Page, as: 'admin' | 'buyer', email = newBuyer().email): Promise<void> {
  await page.goto(`${stack.webUrl}/`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (as === 'admin') {
    await page.getByRole('textbox', { name: 'Email' }).fill(demoAdmin.email);
    await page.getByLabel('Password', { exact: true }).fill(demoAdmin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  } else {
    await page.getByRole('button', { name: 'Continue with Amazon (demo)' }).click();
    await page.getByLabel('Display name').fill('Sam Shopper');
    await page.getByRole('textbox', { name: 'Email' }).fill(email);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByRole('list', { name: 'Pets' }).waitFor();
}

/** Waits until every picture in view has loaded (they load lazily, as they come into view). */
async function picturesLoaded(page: Page): Promise<void> {
  await page.waitForFunction(() =>
    [...document.images]
      .filter((image) => image.getBoundingClientRect().top < window.innerHeight)
      .every((image) => image.complete && image.naturalWidth > 0),
  );
}

async function shoot(
  browser: Browser,
  name: string,
  viewport: { width: number; height: number },
  act: (page: Page) => Promise<void>,
) {
  const page = await browser.newPage({ viewport });
  await act(page);
  await picturesLoaded(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${folder}/${name}.png` });
  await page.close();
  console.log(`${folder}/${name}.png`);
}

const card = (page: Page, price: number) =>
  page.getByRole('article').filter({ hasText: formatPrice(price) });

async function buy(page: Page, price: number): Promise<void> {
  await card(page, price).getByRole('button', { name: /^Buy/ }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: `Buy for ${formatPrice(price)}` })
    .click();
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  // Oldest first: the list shows the newest first.
  await createPet({ type: 'fish', price: 12.75 });
  await createPet({ type: 'gecko', price: 45.5 });
  const taken = await createPet({ type: 'cat', price: 310 });
  await createPet({ type: 'dog', price: 189 });
  await createPet({ type: 'bird', price: 89 });
  const sold = await createPet({ type: 'cat', price: 140 });
  await createPet({ type: 'dog', price: 249.99 });
  await buyAsSomeoneElse(sold.id);
  const buyer = newBuyer();

  await shoot(browser, 'buyer-desktop', desktop, async (page) => {
    await signIn(page, 'buyer', buyer.email);
    await buy(page, 89);
    await page.getByText('You bought the bird').waitFor();
    await buyAsSomeoneElse(taken.id);
    await buy(page, 310);
    await page.getByText('someone else bought this pet first').waitFor();
  });
  await shoot(browser, 'buyer-phone', phone, async (page) => {
    await signIn(page, 'buyer', buyer.email);
    await page.getByText('Sold to you').waitFor();
  });
  await shoot(browser, 'buyer-confirm-phone', phone, async (page) => {
    await signIn(page, 'buyer', buyer.email);
    await card(page, 249.99).first().getByRole('button', { name: /^Buy/ }).click();
    await page.getByRole('dialog').waitFor();
  });
  await shoot(browser, 'admin-desktop', desktop, async (page) => {
    await signIn(page, 'admin');
    await page.getByText('Who bought what').click();
    await page.getByRole('list', { name: 'Sales, the latest first' }).waitFor();
  });
  await shoot(browser, 'admin-phone', phone, async (page) => {
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: /^Sales/ }).waitFor();
  });
  await shoot(browser, 'sign-in-phone', phone, async (page) => {
    await page.goto(`${stack.webUrl}/`);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in to Pet Store' }).waitFor();
  });
} finally {
  await browser.close();
}
