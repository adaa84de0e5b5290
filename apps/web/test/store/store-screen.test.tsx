import { screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aPet, people, renderSignedIn } from '../support/signed-in-app';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.close());

const page = (items: unknown[], nextCursor?: string) => ({
  status: 200,
  body: { items, ...(nextCursor ? { nextCursor } : {}) },
});

const sold409 = {
  status: 409,
  body: { type: 'about:blank', title: 'Pet already sold', status: 409, code: 'PET_ALREADY_SOLD' },
  contentType: 'application/problem+json',
};

/** The page's live region (the sales view and the loading states have their own). */
const notice = () => document.querySelector('.notice');

describe('a buyer', () => {
  it('sees who they are in plain words (no scope codes), the pets with Buy, others\' purchases as "Sold", and no admin controls', async () => {
    // Prepare: one pet bought by someone else as the API answers a buyer (no soldTo), one with
    // another buyer's soldTo (the API never sends that to a buyer; still only "Sold")
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply(
      'GET /pets?limit=12',
      page([
        aPet(),
        aPet({ type: 'dog', isSold: true, soldAt: '2026-11-22T10:00:00Z' }),
        aPet({ type: 'fish', isSold: true, soldTo: { subject: 'x', name: 'Sam' } }),
      ]),
    );

    // Act
    await renderSignedIn(server);

    // Assess
    const account = screen.getByRole('complementary', { name: 'Who am I' });
    expect(await within(account).findByText('Bea Buyer')).toBeTruthy();
    expect(within(account).getByText('Buyer')).toBeTruthy();
    expect(within(account).getByText('Buy pets')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/\w+:pets/);
    const cards = await screen.findAllByRole('article');
    expect(cards[0]?.textContent).toContain('For sale');
    expect(within(cards[1] as HTMLElement).getByText('Sold')).toBeTruthy();
    expect(within(cards[2] as HTMLElement).getByText('Sold')).toBeTruthy();
    expect(cards[2]?.textContent).not.toContain('Sam');
    expect(screen.getAllByRole('button', { name: /^Buy/ })).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Add a pet' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(screen.queryByRole('heading', { name: /^Sales/ })).toBeNull();
    expect(
      server.received.every((request) => request.authorization === 'Bearer access-token-1'),
    ).toBe(true);
  });

  it("shows what tells a pet apart: its type's picture, price, the day it was listed and the end of its id", async () => {
    // Prepare
    const pet = aPet({ type: 'gecko', price: 45.5, createdAt: '2026-11-21T12:00:00Z' });
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply('GET /pets?limit=12', page([pet]));

    // Act
    await renderSignedIn(server);

    // Assess
    const card = await screen.findByRole('article');
    const picture = card.querySelector('img');
    expect(picture?.getAttribute('src')).toMatch(/\/gecko[^/]*\.svg(\?no-inline)?$/);
    expect(picture?.getAttribute('alt')).toBe('');
    expect(picture?.getAttribute('loading')).toBe('lazy');
    expect(card.textContent).toContain('$45.50');
    expect(card.querySelector('time')?.getAttribute('datetime')).toBe(pet.createdAt);
    expect(card.textContent).toContain('Listed Nov 21, 2026');
    expect(card.textContent).toContain(`No. ${pet.id.slice(-6)}`);
  });

  it('buys a pet after confirming its price: "Sold to you", said in the live region, focus on its status', async () => {
    // Prepare
    const pet = aPet({ price: 249.99 });
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply('GET /pets?limit=12', page([pet]));
    server.reply(`POST /pets/${pet.id}/purchase`, {
      status: 200,
      body: { ...pet, isSold: true, soldTo: { subject: people.buyer.subject, name: 'Bea Buyer' } },
    });
    const user = await renderSignedIn(server);

    // Act: Buy asks first, naming the price
    await user.click(await screen.findByRole('button', { name: /^Buy/ }));
    const dialog = screen.getByRole('dialog', { name: 'Buy this cat?' });
    expect(dialog.textContent).toContain('The cat for $249.99');
    expect(server.received.filter((request) => request.method === 'POST')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Buy for $249.99' }));

    // Assess
    const card = screen.getByRole('article');
    await waitFor(() => expect(card.textContent).toContain('Sold to you'));
    expect(card.textContent).not.toContain('Bea Buyer');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(notice()?.textContent).toBe('You bought the cat for $249.99.');
    expect(document.activeElement).toBe(card.querySelector('.pet-status'));
    expect(within(card).queryByRole('button', { name: /^Buy/ })).toBeNull();
  });

  it('buys nothing when the confirmation is cancelled, and focus goes back to Buy', async () => {
    // Prepare
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply('GET /pets?limit=12', page([aPet()]));
    const user = await renderSignedIn(server);
    const buy = await screen.findByRole('button', { name: /^Buy/ });

    // Act
    await user.click(buy);
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));

    // Assess
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(buy);
    expect(server.received.filter((request) => request.method === 'POST')).toHaveLength(0);
  });

  it('is told a pet someone else bought first is sold, without a reload, and the earlier success message is gone', async () => {
    // Prepare: one purchase that works, then one answered 409
    const first = aPet({ price: 10 });
    const second = aPet({ price: 20 });
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply('GET /pets?limit=12', page([first, second]));
    server.reply(`POST /pets/${first.id}/purchase`, {
      status: 200,
      body: { ...first, isSold: true, soldTo: { subject: people.buyer.subject, name: 'Bea' } },
    });
    server.reply(`POST /pets/${second.id}/purchase`, sold409);
    const user = await renderSignedIn(server);
    // Buy shows once the API has said this is a buyer
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Buy/ })).toHaveLength(2));
    const [firstCard, secondCard] = screen.getAllByRole('article');
    await user.click(within(firstCard as HTMLElement).getByRole('button', { name: /^Buy/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^Buy for/ }));
    await waitFor(() => expect(notice()?.textContent).toBe('You bought the cat for $10.00.'));

    // Act
    await user.click(within(secondCard as HTMLElement).getByRole('button', { name: /^Buy/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: /^Buy for/ }));

    // Assess
    const card = secondCard as HTMLElement;
    expect((await within(card).findByRole('alert')).textContent).toBe(
      'Sorry, someone else bought this pet first.',
    );
    expect(within(card).getByText('Sold')).toBeTruthy();
    expect(notice()?.textContent).toBe('');
    expect(within(card).queryByRole('button', { name: /^Buy/ })).toBeNull();
    expect(server.received.filter((request) => request.path.startsWith('/pets?'))).toHaveLength(1);
  });
});

describe('an admin', () => {
  const noSales = page([]);

  it('adds a pet: it is sent with the typed price and listed first', async () => {
    // Prepare
    const created = aPet({ type: 'gecko', price: 19.5 });
    server.reply('GET /me', { status: 200, body: people.admin });
    server.reply('GET /pets?limit=12', page([aPet()]));
    server.reply('GET /pets?limit=100', noSales);
    server.reply('POST /pets', { status: 201, body: created });
    const user = await renderSignedIn(server);
    await screen.findByRole('heading', { name: 'Add a pet' });

    // Act
    await user.selectOptions(screen.getByLabelText('Type'), 'gecko');
    await user.type(screen.getByLabelText('Price (US dollars)'), '19.50');
    await user.click(screen.getByRole('button', { name: 'Add pet' }));

    // Assess
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    expect(screen.getAllByRole('article')[0]?.textContent).toContain('Gecko');
    expect(
      JSON.parse(server.received.find((request) => request.method === 'POST')?.body ?? ''),
    ).toEqual({
      type: 'gecko',
      price: 19.5,
    });
    expect(notice()?.textContent).toBe('Added the gecko for $19.50.');
  });

  it('sees who bought each sold pet and when, and the sales of the filter over every page', async () => {
    // Prepare: two pages of pets for the sales count (the list shows the first 12 only)
    const bea = { subject: 'amazon-demo|bea', name: 'Bea Buyer' };
    const sam = { subject: 'amazon-demo|sam', name: 'Sam Shopper' };
    const early = aPet({ price: 0.1, isSold: true, soldTo: bea, soldAt: '2026-11-22T09:00:00Z' });
    const late = aPet({ price: 0.2, isSold: true, soldTo: sam, soldAt: '2026-11-23T09:00:00Z' });
    const dog = aPet({ type: 'dog', price: 300, isSold: true, soldTo: sam });
    server.reply('GET /me', { status: 200, body: people.admin });
    server.reply('GET /pets?limit=12', page([early, aPet()]));
    server.reply('GET /pets?limit=12&type=dog', page([dog]));
    server.reply('GET /pets?limit=100', page([early, aPet()], 'cursor-2'));
    server.reply('GET /pets?limit=100&cursor=cursor-2', page([late, aPet({ price: 5 })]));
    server.reply('GET /pets?limit=100&type=dog', page([dog]));
    const user = await renderSignedIn(server);

    // Assess: the card names the buyer (once the API has said this is an admin), their subject
    // and when
    const card = (await screen.findAllByRole('article'))[0] as HTMLElement;
    await waitFor(() => expect(card.textContent).toContain('Sold to Bea Buyer'));
    expect(card.textContent).toContain('amazon-demo|bea');
    expect(card.querySelector('.sale-details time')?.getAttribute('datetime')).toBe(early.soldAt);

    // Assess: the sales of all pets, both pages counted, the latest sale first
    const sales = await screen.findByRole('region', { name: 'Sales: All pets' });
    await waitFor(() => expect(sales.textContent).toContain('2 pets'));
    expect(sales.textContent).toContain('$0.30');
    expect(sales.textContent).toContain('Counted over 4 pets');
    const entries = within(sales).getAllByRole('listitem');
    expect(entries.map((entry) => entry.textContent)).toEqual([
      expect.stringContaining('Sam Shopper amazon-demo|sam'),
      expect.stringContaining('Bea Buyer amazon-demo|bea'),
    ]);

    // Act: the filter
    await user.click(screen.getByRole('radio', { name: 'Dogs' }));

    // Assess: counted again for dogs only
    const dogSales = await screen.findByRole('region', { name: 'Sales: Dogs' });
    await waitFor(() => expect(dogSales.textContent).toContain('1 pet'));
    expect(dogSales.textContent).toContain('$300.00');
  });

  it('removes a pet after confirming in a dialog; focus goes back to the list heading', async () => {
    // Prepare
    const pet = aPet({ type: 'fish', price: 0.99 });
    server.reply('GET /me', { status: 200, body: people.admin });
    server.reply('GET /pets?limit=12', page([pet]));
    server.reply('GET /pets?limit=100', noSales);
    server.reply(`DELETE /pets/${pet.id}`, { status: 204 });
    const user = await renderSignedIn(server);

    // Act
    await user.click(await screen.findByRole('button', { name: /^Remove/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this pet?' });
    expect(dialog.textContent).toContain(
      `The fish for $0.99 (No. ${pet.id.slice(-6)}) will no longer be listed.`,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    // Assess
    await waitFor(() => {
      expect(screen.queryByRole('article')).toBeNull();
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(notice()?.textContent).toBe('Removed the fish for $0.99.');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Pets', level: 1 }));
  });

  it('is asked differently before removing a sold pet (the sale goes too), and the sales are counted again', async () => {
    // Prepare
    const soldTo = { subject: 'amazon-demo|bea', name: 'Bea Buyer' };
    const pet = aPet({ price: 75, isSold: true, soldTo, soldAt: '2026-11-22T12:00:00Z' });
    server.reply('GET /me', { status: 200, body: people.admin });
    server.reply('GET /pets?limit=12', page([pet]));
    server.reply('GET /pets?limit=100', page([pet]));
    server.reply(`DELETE /pets/${pet.id}`, { status: 204 });
    const user = await renderSignedIn(server);
    await screen.findByRole('region', { name: 'Sales: All pets' });
    const salesReads = () =>
      server.received.filter((request) => request.path === '/pets?limit=100');
    await waitFor(() => expect(salesReads()).toHaveLength(1));

    // Act
    await user.click(await screen.findByRole('button', { name: /^Remove/ }));

    // Assess: the dialog says whose sale it erases, and how to keep it
    const dialog = await screen.findByRole('dialog', { name: 'Remove a sold pet?' });
    expect(dialog.textContent).toContain('was sold to Bea Buyer on Nov 22, 2026');
    expect(dialog.textContent).toContain('removing the pet erases the sale too');
    expect(dialog.textContent).toContain('To keep the sale on record, keep the pet');

    // Act
    server.reply('GET /pets?limit=100', noSales);
    await user.click(within(dialog).getByRole('button', { name: 'Remove and erase the sale' }));

    // Assess
    await waitFor(() => expect(screen.queryByRole('article')).toBeNull());
    await waitFor(() => expect(salesReads()).toHaveLength(2));
    const sales = screen.getByRole('region', { name: 'Sales: All pets' });
    await waitFor(() => expect(sales.textContent).toContain('0 pets'));
  });

  it('is told in the dialog, in plain words, when the API refuses a removal (403)', async () => {
    // Prepare
    const pet = aPet();
    server.reply('GET /me', { status: 200, body: people.admin });
    server.reply('GET /pets?limit=12', page([pet]));
    server.reply('GET /pets?limit=100', noSales);
    server.reply(`DELETE /pets/${pet.id}`, {
      status: 403,
      body: { Message: 'User is not authorized to access this resource' },
    });
    const user = await renderSignedIn(server);

    // Act
    await user.click(await screen.findByRole('button', { name: /^Remove/ }));
    await user.click(
      within(await screen.findByRole('dialog')).getByRole('button', { name: 'Remove' }),
    );

    // Assess
    const dialog = screen.getByRole('dialog');
    expect((await within(dialog).findByRole('alert')).textContent).toBe(
      'Your role is not allowed to do that.',
    );
    expect(screen.getAllByRole('article')).toHaveLength(1);
  });
});

describe('the list', () => {
  it('loads more a page at a time and filters by type', async () => {
    // Prepare
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply('GET /pets?limit=12', page([aPet(), aPet()], 'cursor-2'));
    server.reply('GET /pets?limit=12&cursor=cursor-2', page([aPet({ type: 'bird' })]));
    server.reply('GET /pets?limit=12&type=dog', page([]));
    const user = await renderSignedIn(server);
    await screen.findAllByRole('article');

    // Act
    await user.click(screen.getByRole('button', { name: 'Load more pets' }));

    // Assess
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    expect(screen.queryByRole('button', { name: 'Load more pets' })).toBeNull();
    expect(screen.getByText('All 3 pets shown.')).toBeTruthy();

    // Act
    await user.click(screen.getByRole('radio', { name: 'Dogs' }));

    // Assess
    expect(await screen.findByText('No dogs in the store right now.')).toBeTruthy();
    expect(window.location.search).toBe('?type=dog');
  });

  it('says when the API fails (500), and Try again loads it', async () => {
    // Prepare
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply('GET /pets?limit=12', {
      status: 500,
      body: { type: 'about:blank', title: 'Internal error', status: 500, code: 'INTERNAL' },
      contentType: 'application/problem+json',
    });
    const user = await renderSignedIn(server);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Something went wrong on our side');
    server.reply('GET /pets?limit=12', page([aPet()]));

    // Act
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));

    // Assess
    expect(await screen.findByRole('article')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps the page and offers to sign in again when the session cannot be renewed', async () => {
    // Prepare: a token about to expire, and a provider that cannot be reached to renew it
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply('GET /pets?limit=12', page([aPet()]));

    // Act
    await renderSignedIn(server, { expiresIn: 30, renew: true });

    // Assess
    const notice = await screen.findByText(/could not keep you signed in/, {}, { timeout: 8000 });
    expect(notice.closest('[role="alert"]')).toBeTruthy();
    expect(screen.getByRole('article')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: 'Sign in again' })).toHaveLength(1);
  }, 10_000);

  it('offers to sign in again when the API says the token is no longer valid (401)', async () => {
    // Prepare
    server.reply('GET /me', { status: 401, body: { message: 'Unauthorized' } });
    server.reply('GET /pets?limit=12', { status: 401, body: { message: 'Unauthorized' } });

    // Act
    await renderSignedIn(server);

    // Assess
    await waitFor(() => expect(screen.getAllByRole('alert')).toHaveLength(2));
    const alerts = screen.getAllByRole('alert');
    expect(alerts.map((alert) => alert.textContent)).toEqual([
      expect.stringContaining('Your sign-in has expired.'),
      expect.stringContaining('Your sign-in has expired.'),
    ]);
    expect(screen.getAllByRole('button', { name: 'Sign in again' })).toHaveLength(2);
  });
});
