import type { Pet } from '@petstore/api-contract/types';
import { expect, it } from 'vitest';
import { salesFigures } from '../../src/sales/sales-figures';
import { aPet } from '../support/signed-in-app';

const sold = (price: number, soldAt?: string): Pet =>
  aPet({
    price,
    isSold: true,
    soldTo: { subject: `amazon-demo|${price}`, name: `Buyer ${price}` },
    ...(soldAt ? { soldAt } : {}),
  });

it('counts the sold pets only and sums their prices in whole cents', () => {
  // Prepare: 0.1 + 0.2 is 0.30000000000000004 in floating point
  const pets = [sold(0.1), sold(0.2), aPet({ price: 99 }), sold(100_000)];

  // Act
  const figures = salesFigures(pets);

  // Assess
  expect(figures.count).toBe(3);
  expect(figures.revenueCents).toBe(10_000_030);
});

it('lists the sales the latest first, those without a date last, each with its buyer', () => {
  // Prepare
  const early = sold(1, '2026-11-20T10:00:00Z');
  const late = sold(2, '2026-11-22T10:00:00Z');
  const undated = sold(3);

  // Act
  const { sales } = salesFigures([early, undated, late]);

  // Assess
  expect(sales.map((sale) => sale.pet.id)).toEqual([late.id, early.id, undated.id]);
  expect(sales[0]?.buyer).toEqual({ subject: 'amazon-demo|2', name: 'Buyer 2' });
  expect(sales[0]?.soldAt).toBe('2026-11-22T10:00:00Z');
});

it('has nothing to count among pets for sale', () => {
  // Act / Assess
  expect(salesFigures([aPet(), aPet()])).toEqual({ count: 0, revenueCents: 0, sales: [] });
});
