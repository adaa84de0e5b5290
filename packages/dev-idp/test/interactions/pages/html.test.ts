import { describe, expect, it } from 'vitest';
import { escapeHtml, html, raw } from '../../../src/interactions/pages/html';
import { loginPage } from '../../../src/interactions/pages/login-page';

describe('html', () => {
  it('escapes interpolated text, in content and in attributes', () => {
    // Prepare
    const hostile = `"><script>alert('x')</script>`;

    // Act
    const markup = html`<input value="${hostile}"><p>${hostile}</p>`.value;

    // Assess
    expect(markup).not.toContain('<script>');
    expect(markup).toContain('value="&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"');
    expect(escapeHtml('a & b')).toBe('a &amp; b');
  });

  it('leaves safe markup alone, joins arrays, drops false and undefined', () => {
    // Prepare / Act
    const markup = html`${raw('<b>')}${['a', html`<i>b</i>`]}${false}${undefined}`.value;

    // Assess
    expect(markup).toBe('<b>a<i>b</i>');
  });

  it('keeps a typed email safe on the login page', () => {
    // Prepare / Act
    const page = loginPage({
      uid: 'u1',
      clientName: 'Pet Store',
      email: '"><img src=x>',
      error: 'Wrong email or password.',
    });

    // Assess
    expect(page).not.toContain('<img');
    expect(page).toContain('value="&quot;&gt;&lt;img src=x&gt;"');
  });
});
