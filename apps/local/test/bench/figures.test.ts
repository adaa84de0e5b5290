import { describe, expect, it } from 'vitest';
import { type Figure, formatTable, pairedRatio, verdict } from '../../bench/figures';

const machine = {
  cpu: 'Test CPU',
  cpus: 2,
  memoryGiB: 24,
  node: '20.20.2',
  date: '2026-12-01 10:00',
  load: [1.5, 2.25] as const,
};

describe('the bench table', () => {
  it('judges a ratio against its target: PASS within it, MISS outside or unmeasured', () => {
    expect(verdict({ ratio: 0.5, target: { atLeast: 0.5 } })).toBe('PASS');
    expect(verdict({ ratio: 0.49, target: { atLeast: 0.5 } })).toBe('MISS');
    expect(verdict({ ratio: 1.3, target: { atMost: 1.3 } })).toBe('PASS');
    expect(verdict({ ratio: 1.31, target: { atMost: 1.3 } })).toBe('MISS');
    expect(verdict({ ratio: Number.NaN, target: { atMost: 1.3 } })).toBe('MISS');
    expect(verdict({ ratio: 2 })).toBeUndefined();
  });

  it('takes the median of paired ratios, so one slow round of a pair does not skew it', () => {
    // Round 2 was slow for both contenders: its ratio is still 2.
    expect(pairedRatio([10, 100, 12], [5, 50, 6])).toBe(2);
  });

  it('prints the machine, a heading per section, and each figure with its reference, ratio and verdict', () => {
    // Prepare
    const figures: Figure[] = [
      {
        section: 'Gateway',
        name: 'requests/s, cached TOKEN authorizer',
        value: 6_000,
        unit: '/s',
        reference: { name: 'bare node:http', value: 20_000 },
        ratio: 0.3,
        target: { atLeast: 0.5 },
      },
      {
        section: 'Bundles',
        name: 'authorizer bundle',
        value: 34_147,
        unit: 'B',
        reference: { name: 'budget', value: 40_000 },
        ratio: 34_147 / 40_000,
        target: { atMost: 1 },
      },
    ];

    // Act
    const table = formatTable(figures, machine, 'pnpm bench', ['api']).split('\n');

    // Assess
    expect(table[0]).toBe(
      '`pnpm bench` on 2026-12-01 10:00: Test CPU × 2, 24 GiB, Node 20.20.2, load average 1.5 at the start and 2.3 at the end.',
    );
    expect(table.slice(2)).toEqual([
      '| figure | measured | against, in the same run | ratio | target |',
      '| --- | --- | --- | --- | --- |',
      '| **Gateway** | | | | |',
      '| requests/s, cached TOKEN authorizer | 6,000/s | bare node:http: 20,000/s | 0.30x | ≥ 0.5x **MISS** |',
      '| **Bundles** | | | | |',
      '| authorizer bundle | 34.1 kB | budget: 40.0 kB | 0.85x | ≤ 1x **PASS** |',
      '| **api: failed**, no figures (see its log) | | | | |',
    ]);
  });
});
