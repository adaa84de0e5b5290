import { render, screen } from '@testing-library/react';
import { expect, it } from 'vitest';
import { ConfigErrorPage } from '../../src/config/config-error-page';

it('names each variable that needs a value', () => {
  // Act
  render(
    <ConfigErrorPage
      problems={[
        { variable: 'VITE_OIDC_ISSUER', message: 'is not set' },
        { variable: 'VITE_API_URL', message: 'is not an http(s) URL' },
      ]}
    />,
  );

  // Assess
  expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
    'The Pet Store is not configured',
  );
  const items = screen.getAllByRole('listitem').map((item) => item.textContent);
  expect(items).toEqual(['VITE_OIDC_ISSUER is not set', 'VITE_API_URL is not an http(s) URL']);
});
