/**
 * Screenshots of the main screens, for looking at them and for the README. Needs the stack on the
 * end-to-end ports:
 *   API_PORT=3100 DEV_IDP_PORT=9100 WEB_PORT=5273 DYNAMODB_PORT=8100 pnpm start --memory
 *   pnpm --filter @petstore/web screenshots [folder]      (default: test-results/screenshots)
 */
import { mkdirSync } from 'node:fs';
import { readCommandLine } from '@petstore/command-line';
import { type Browser, chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../e2e/support/chromium';
import { demoAdmin, newBuyer } from '../e2e/support/identity-provider';
import { stack } from '../e2e/support/stack';
import { buyAsSomeoneElse, createPet } from '../e2e/support/store-api';

const {
  positionals: [folder = 'test-results/screenshots'],
} = readCommandLine({
  usage: 'pnpm --filter @petstore/web screenshots [folder]',
  details: '  folder   where the PNG files go (default: test-results/screenshots)',
  options: {},
  positionals: [{ name: 'folder', optional: true }],
});
mkdirSync(folder, { recursive: true });

async function signIn(page: Page, as: 'admin' | 'buyer', name = 'Bea Buyer'): Promise<void> {
  await page.goto(`${stack.webUrl}/`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  if (as === 'admin') {
    await page.getByRole('textbox', { name: 'Email' }).fill(demoAdmin.email);
    await page.getByLabel('Password', { exact: true }).fill(demoAdmin.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  } else {
    await page.getByRole('button', { name: 'Continue with Amazon (demo)' }).click();
    await page.getByLabel('Display name').fill(name);
    await page.getByRole('textbox', { name: 'Email' }).fill(newBuyer().email);
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await page.getByRole('list', { name: 'Pets' }).waitFor();
}

async function shoot(
  browser: Browser,
  name: string,
  width: number,
  act: (page: Page) => Promise<void>,
) {
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 800 : 760 } });
  await act(page);
  await page.screenshot({ path: `${folder}/${name}.png`, fullPage: width < 600 });
  await page.close();
  console.log(`${folder}/${name}.png`);
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
  const bought = await createPet({ type: 'bird', price: 89 });
  await createPet({ type: 'gecko', price: 45.5 });
  const taken = await createPet({ type: 'cat', price: 310 });
  await shoot(browser, 'sign-in', 1280, (page) =>
    page.goto(`${stack.webUrl}/`).then(() => undefined),
  );
  await shoot(browser, 'buyer', 1280, async (page) => {
    await signIn(page, 'buyer');
    await page
      .getByRole('article')
      .filter({ hasText: '$89.00' })
      .getByRole('button', { name: /^Buy/ })
      .click();
    await page.getByText('You bought the bird').waitFor();
    await buyAsSomeoneElse(taken.id);
    await page
      .getByRole('article')
      .filter({ hasText: '$310.00' })
      .getByRole('button', { name: /^Buy/ })
      .click();
    await page.getByText('someone else bought it first').waitFor();
  });
  await shoot(browser, 'admin', 1280, async (page) => {
    await signIn(page, 'admin');
    await page.getByLabel('Price (US dollars)').fill('12.345');
    await page.getByRole('button', { name: 'Add pet' }).click();
  });
  await shoot(browser, 'remove-dialog', 1280, async (page) => {
    await signIn(page, 'admin');
    await page
      .getByRole('button', { name: /^Remove the gecko/ })
      .first()
      .click();
  });
  await shoot(browser, 'phone', 390, async (page) => {
    await signIn(page, 'buyer', 'Bob Buyer');
  });
  await shoot(browser, 'phone-admin', 390, async (page) => {
    await signIn(page, 'admin');
  });
  console.log(`(the bird ${bought.id} was bought for the buyer screenshot)`);
} finally {
  await browser.close();
}
