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

describe('a buyer', () => {
  it('sees who they are, the pets with Buy, and no admin controls', async () => {
    // Prepare
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply(
      'GET /pets?limit=12',
      page([aPet(), aPet({ type: 'dog', isSold: true, soldTo: { subject: 'x', name: 'Sam' } })]),
    );

    // Act
    await renderSignedIn(server);

    // Assess
    const account = screen.getByRole('complementary', { name: 'Who am I' });
    expect(await within(account).findByText('Bea Buyer')).toBeTruthy();
    expect(within(account).getByText('Buyer')).toBeTruthy();
    expect(within(account).getByText('purchase:pets')).toBeTruthy();
    const cards = await screen.findAllByRole('article');
    expect(cards[0]?.textContent).toContain('For sale');
    expect(cards[1]?.textContent).toContain('Sold to Sam');
    expect(screen.getAllByRole('button', { name: /^Buy/ })).toHaveLength(1);
    expect(screen.queryByRole('heading', { name: 'Add a pet' })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    expect(
      server.received.every((request) => request.authorization === 'Bearer access-token-1'),
    ).toBe(true);
  });

  it('buys a pet: it shows as sold to them, said in the live region, focus on its status', async () => {
    // Prepare
    const pet = aPet();
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply('GET /pets?limit=12', page([pet]));
    server.reply(`POST /pets/${pet.id}/purchase`, {
      status: 200,
      body: { ...pet, isSold: true, soldTo: { subject: people.buyer.subject, name: 'Bea Buyer' } },
    });
    const user = await renderSignedIn(server);

    // Act
    await user.click(await screen.findByRole('button', { name: /^Buy/ }));

    // Assess
    const card = screen.getByRole('article');
    await waitFor(() => expect(card.textContent).toContain('Sold to Bea Buyer (you)'));
    expect(screen.getByRole('status').textContent).toBe('You bought the cat for $124.99.');
    expect(document.activeElement).toBe(card.querySelector('.pet-status'));
    expect(within(card).queryByRole('button', { name: /^Buy/ })).toBeNull();
  });

  it('is told a pet someone else bought first is no longer available, without a reload', async () => {
    // Prepare
    const pet = aPet();
    server.reply('GET /me', { status: 200, body: people.buyer });
    server.reply('GET /pets?limit=12', page([pet]));
    server.reply(`POST /pets/${pet.id}/purchase`, {
      status: 409,
      body: {
        type: 'about:blank',
        title: 'Pet already sold',
        status: 409,
        code: 'PET_ALREADY_SOLD',
      },
      contentType: 'application/problem+json',
    });
    const user = await renderSignedIn(server);

    // Act
    await user.click(await screen.findByRole('button', { name: /^Buy/ }));

    // Assess
    const card = screen.getByRole('article');
    expect((await within(card).findByRole('alert')).textContent).toContain('no longer available');
    expect(card.textContent).toContain('No longer available');
    expect(within(card).queryByRole('button', { name: /^Buy/ })).toBeNull();
    expect(server.received.filter((request) => request.path.startsWith('/pets?'))).toHaveLength(1);
  });
});

describe('an admin', () => {
  it('adds a pet: it is sent with the typed price and listed first', async () => {
    // Prepare
    const created = aPet({ type: 'gecko', price: 19.5 });
    server.reply('GET /me', { status: 200, body: people.admin });
    server.reply('GET /pets?limit=12', page([aPet()]));
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
    expect(screen.getByRole('status').textContent).toBe('Added the gecko for $19.50.');
  });

  it('removes a pet after confirming in a dialog; focus goes back to the list heading', async () => {
    // Prepare
    const pet = aPet({ type: 'fish', price: 0.99 });
    server.reply('GET /me', { status: 200, body: people.admin });
    server.reply('GET /pets?limit=12', page([pet]));
    server.reply(`DELETE /pets/${pet.id}`, { status: 204 });
    const user = await renderSignedIn(server);

    // Act
    await user.click(await screen.findByRole('button', { name: /^Remove/ }));
    const dialog = screen.getByRole('dialog', { name: 'Remove this pet?' });
    expect(dialog.textContent).toContain('The fish for $0.99 will no longer be listed.');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    // Assess
    await waitFor(() => {
      expect(screen.queryByRole('article')).toBeNull();
      expect(screen.queryByRole('dialog')).toBeNull();
    });
    expect(screen.getByRole('status').textContent).toBe('Removed the fish for $0.99.');
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Pets', level: 1 }));
  });

  it('is told in the dialog, in plain words, when the API refuses a removal (403)', async () => {
    // Prepare
    const pet = aPet();
    server.reply('GET /me', { status: 200, body: people.admin });
    server.reply('GET /pets?limit=12', page([pet]));
    server.reply(`DELETE /pets/${pet.id}`, {
      status: 403,
      body: { Message: 'User is not authorized to access this resource' },
    });
    const user = await renderSignedIn(server);

    // Act
    await user.click(await screen.findByRole('button', { name: /^Remove/ }));
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove' }));

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
