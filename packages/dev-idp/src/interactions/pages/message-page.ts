import { html } from './html';
import { layout } from './layout';

/**
 * A page that only says something: errors, signed-out confirmations.
 *
 * @example
 * messagePage('Sign-in expired', 'Go back to the application and sign in again.')
 */
export function messagePage(title: string, message: string): string {
  return layout(title, html`<p>${message}</p>`);
}
