import { expect, it } from 'vitest';
import { typeFromSearch, writeTypeToUrl } from '../../src/pets/type-in-url';

it('reads a known type from the address and ignores anything else', () => {
  // Act / Assess
  expect(typeFromSearch('?type=cat')).toBe('cat');
  expect(typeFromSearch('?type=dragon')).toBeUndefined();
  expect(typeFromSearch('')).toBeUndefined();
});

it('writes the type into the address, keeping the path and other parameters', () => {
  // Prepare
  window.history.replaceState(null, '', '/somewhere?lang=en');

  // Act
  writeTypeToUrl('fish');
  const withType = `${window.location.pathname}${window.location.search}`;
  writeTypeToUrl(undefined);
  const without = `${window.location.pathname}${window.location.search}`;

  // Assess
  expect(withType).toBe('/somewhere?lang=en&type=fish');
  expect(without).toBe('/somewhere?lang=en');
});
