/** Latencies and unexpected replies of a load run, per operation. */
export class LoadStats {
  readonly #latencies = new Map<string, number[]>();
  readonly #unexpected = new Map<string, string[]>();
  readonly #checks = new Map<string, number>();

  /** Records one operation's latency, and whether its reply was one it expects. */
  record(operation: string, ms: number, problem?: string): void {
    const latencies = this.#latencies.get(operation) ?? [];
    latencies.push(ms);
    this.#latencies.set(operation, latencies);
    if (problem) {
      const problems = this.#unexpected.get(operation) ?? [];
      problems.push(problem);
      this.#unexpected.set(operation, problems);
    }
  }

  /** Records one check of several replies together (e.g. one winner of a race). */
  check(name: string, problem?: string): void {
    this.#checks.set(name, (this.#checks.get(name) ?? 0) + 1);
    if (problem) {
      const problems = this.#unexpected.get(name) ?? [];
      problems.push(problem);
      this.#unexpected.set(name, problems);
    }
  }

  /** How many replies were not what the operation expects. */
  get unexpectedCount(): number {
    let count = 0;
    for (const problems of this.#unexpected.values()) count += problems.length;
    return count;
  }

  /** One line per operation: count, p50, p99, max, unexpected; then a few unexpected replies. */
  report(): string {
    const rows = [...this.#latencies.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([operation, latencies]) => {
        const sorted = [...latencies].sort((a, b) => a - b);
        const cells = [
          operation.padEnd(28),
          String(sorted.length).padStart(7),
          `${percentile(sorted, 50).toFixed(1)} ms`.padStart(10),
          `${percentile(sorted, 99).toFixed(1)} ms`.padStart(10),
          `${(sorted.at(-1) ?? 0).toFixed(1)} ms`.padStart(10),
          String(this.#unexpected.get(operation)?.length ?? 0).padStart(11),
        ];
        return cells.join(' ');
      });
    const header = [
      'operation'.padEnd(28),
      'count'.padStart(7),
      'p50'.padStart(10),
      'p99'.padStart(10),
      'max'.padStart(10),
      'unexpected'.padStart(11),
    ].join(' ');
    const checks = [...this.#checks.entries()].map(
      ([name, count]) =>
        `${name}: ${count} checked, ${this.#unexpected.get(name)?.length ?? 0} failed`,
    );
    const samples = [...this.#unexpected.entries()].flatMap(([operation, problems]) =>
      problems.slice(0, 3).map((problem) => `  ${operation}: ${problem}`),
    );
    return [
      header,
      ...rows,
      '',
      ...checks,
      ...(samples.length ? ['unexpected replies (first 3 each):', ...samples] : []),
    ].join('\n');
  }
}

/**
 * The nearest-rank percentile of sorted values.
 *
 * @example
 * percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}
