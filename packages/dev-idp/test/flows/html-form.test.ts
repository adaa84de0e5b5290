import { describe, expect, it } from 'vitest';
import { alertOf, describePage, findForm } from '../../src/flows/html-form';

const page = `<h1>Sign in</h1><p class="alert" role="alert">Wrong &amp; bad.</p>
<form id="other" action="/x"></form>
<form id="op.logoutForm" method="post" action="/session/end/confirm?a=1&amp;b=2">
<input type="hidden" name="xsrf" value="t&#39;k"/><input name="empty">
</form>`;

describe('html-form', () => {
  it('finds a form by id with its action, method and pre-filled fields, entities decoded', () => {
    // Prepare / Act
    const form = findForm(page, 'op.logoutForm');

    // Assess
    expect(form?.action).toBe('/session/end/confirm?a=1&b=2');
    expect(form?.method).toBe('POST');
    expect([...(form?.fields ?? [])]).toEqual([['xsrf', "t'k"]]);
    expect(findForm(page, 'missing')).toBeUndefined();
    expect(findForm(page, 'other')?.method).toBe('GET');
  });

  it('reads the alert and a summary of the page', () => {
    // Prepare / Act / Assess
    expect(alertOf(page)).toBe('Wrong & bad.');
    expect(describePage(page)).toBe('Sign in: Wrong & bad.');
    expect(alertOf('<h1>Fine</h1>')).toBeUndefined();
  });
});
