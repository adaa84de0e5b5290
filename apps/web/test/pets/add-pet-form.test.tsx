import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { aPet, people, renderSignedIn } from '../support/signed-in-app';
import { startTestServer, type TestServer } from '../support/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
  server.reply('GET /me', { status: 200, body: people.admin });
  server.reply('GET /pets?limit=12', { status: 200, body: { items: [aPet()] } });
  server.reply('GET /pets?limit=100', { status: 200, body: { items: [] } });
});
afterEach(() => server.close());

async function openForm() {
  const user = await renderSignedIn(server);
  await screen.findByRole('heading', { name: 'Add a pet' });
  return {
    user,
    type: screen.getByLabelText('Type') as HTMLSelectElement,
    price: screen.getByLabelText('Price (US dollars)') as HTMLInputElement,
    submit: screen.getByRole('button', { name: 'Add pet' }),
  };
}

const posts = () => server.received.filter((request) => request.method === 'POST');

it('says what is missing on submit, sends nothing, and puts focus on the first wrong field', async () => {
  // Prepare
  const form = await openForm();

  // Act
  await form.user.click(form.submit);

  // Assess
  expect(screen.getByText('Choose a type.')).toBeTruthy();
  expect(screen.getByText('Enter a price.')).toBeTruthy();
  expect(form.type.getAttribute('aria-invalid')).toBe('true');
  expect(form.type.getAttribute('aria-describedby')).toBe('new-pet-type-error');
  expect(document.activeElement).toBe(form.type);
  expect(posts()).toHaveLength(0);
});

it('checks the price on leaving the field, before any submit, and clears the message once fixed', async () => {
  // Prepare
  const form = await openForm();

  // Act
  await form.user.type(form.price, '100000.5');
  await form.user.tab();

  // Assess
  expect(screen.getByText('The price can be at most $100,000.')).toBeTruthy();
  expect(form.price.getAttribute('aria-describedby')).toBe(
    'new-pet-price-hint new-pet-price-error',
  );

  // Act
  await form.user.clear(form.price);
  await form.user.type(form.price, '99999.5');

  // Assess
  expect(screen.queryByText('The price can be at most $100,000.')).toBeNull();
  expect(form.price.getAttribute('aria-invalid')).toBeNull();
});

it('says a negative price is negative, not that it is no number, and sends nothing', async () => {
  // Prepare
  const form = await openForm();

  // Act
  await form.user.selectOptions(form.type, 'dog');
  await form.user.type(form.price, '-249.99');
  await form.user.click(form.submit);

  // Assess
  expect(screen.getByText('A price cannot be negative: enter at least $0.01.')).toBeTruthy();
  expect(screen.queryByText(/as a number/)).toBeNull();
  expect(document.activeElement).toBe(form.price);
  expect(posts()).toHaveLength(0);
});

it("shows the API's own field errors next to the field", async () => {
  // Prepare
  server.reply('POST /pets', {
    status: 400,
    body: {
      type: 'about:blank',
      title: 'Invalid',
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ pointer: '/body/price', message: 'The price has more than two decimals.' }],
    },
    contentType: 'application/problem+json',
  });
  const form = await openForm();

  // Act
  await form.user.selectOptions(form.type, 'dog');
  await form.user.type(form.price, '10');
  await form.user.click(form.submit);

  // Assess
  expect(await screen.findByText('The price has more than two decimals.')).toBeTruthy();
  expect(document.activeElement).toBe(form.price);
});

it('clears after adding and puts focus back on the type, ready for the next pet', async () => {
  // Prepare
  server.reply('POST /pets', { status: 201, body: aPet({ type: 'dog', price: 10 }) });
  const form = await openForm();

  // Act
  await form.user.selectOptions(form.type, 'dog');
  await form.user.type(form.price, '10{Enter}');

  // Assess
  await waitFor(() => expect(form.price.value).toBe(''));
  expect(form.type.value).toBe('');
  expect(document.activeElement).toBe(form.type);
  expect(posts()).toHaveLength(1);
});
